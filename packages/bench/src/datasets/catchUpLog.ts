import type { BenchEvent } from '../subjects/benchSubject'
import type { SeedAppend } from './seedAppend'

const KABUPATEN = Array.from({ length: 29 }, (_, index) => `33.${String(index + 1).padStart(2, '0')}`)

/**
 * The catch-up data set (W4, and W5's register): `total` events shaped as
 * agreements, each stream one agreement written in one append. Lengths
 * cycle so about a fifth stop early and the rest run to monev; the
 * initiating region cycles over Jawa Tengah's kabupaten, so the register's
 * filters have something to find. Ends exactly at `total` events.
 */
export function* catchUpLog(template: readonly BenchEvent[], total: number): Generator<SeedAppend> {
  let written = 0
  for (let index = 0; written < total; index += 1) {
    const agreementId = `bench-${index}`
    const length = Math.min(index % 5 === 0 ? 6 + (index % 11) : template.length, template.length, total - written)
    const region = KABUPATEN[index % KABUPATEN.length] as string
    // Every event names its agreement: one that kept the template's id would be folded as a step of another agreement.
    const events = template.slice(0, length).map((event, position) =>
      position === 0
        ? { ...event, data: { ...event.data, agreementId, initiatingRegion: region } }
        : 'agreementId' in event.data ? { ...event, data: { ...event.data, agreementId } } : event,
    )
    yield { streamId: `agreement-${agreementId}`, events, expectedVersion: 0 }
    written += length
  }
}
