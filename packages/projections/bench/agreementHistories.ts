import { createAgreementService } from '@kerjasama/core'
import type { EventStore, NewEvent } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'

const DAY_MS = 86_400_000
const KABUPATEN = Array.from({ length: 29 }, (_, index) => `33.${String(index + 1).padStart(2, '0')}`)

/**
 * One full KSDPK lifecycle decided by the real service, then copied for each
 * benchmark agreement under its own stream, region and length: what a
 * province's store holds, without paying the decider for every copy.
 */
async function templateEvents(): Promise<NewEvent[]> {
  const store = openMemoryStore()
  const clock = testClock('2022-02-22T02:00:00.000Z')
  const service = createAgreementService({ store, clock })
  const steps = agreementLifecycle('KSDPK', { agreementId: 'template', start: clock() })
  for (const step of steps) {
    clock.set(new Date(Date.parse('2022-02-22T02:00:00.000Z') + step.day * DAY_MS))
    await service.execute(step.command, { actor: step.actor })
  }
  const events: NewEvent[] = []
  for await (const event of store.readAll()) events.push({ type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata })
  return events
}

/** Appends `agreements` agreements, each a prefix of the lifecycle (so stages vary), in batches of whole streams. Returns the event count. */
export async function writeAgreementHistories(store: EventStore, agreements: number, onProgress?: (done: number) => void): Promise<number> {
  const template = await templateEvents()
  let total = 0
  for (let index = 0; index < agreements; index += 1) {
    const agreementId = `bench-${index}`
    // Lengths cycle so about a fifth stop early and the rest run to monev.
    const length = index % 5 === 0 ? 6 + (index % 11) : template.length
    const region = KABUPATEN[index % KABUPATEN.length] as string
    const events = template.slice(0, length).map((event, position) =>
      position === 0 ? { ...event, data: { ...(event.data as object), agreementId, initiatingRegion: region } } : event,
    )
    await store.append(`agreement-${agreementId}`, events, { expectedVersion: 'none' })
    total += events.length
    if (onProgress !== undefined && index % 1000 === 0) onProgress(index)
  }
  return total
}

export const templateLength = async (): Promise<number> => (await templateEvents()).length
