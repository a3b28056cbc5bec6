import { z } from 'zod'
import { parseOrThrow } from '@kerjasama/core'
import type { LocalizedMessage, ReadModelReader } from '@kerjasama/core'
import { defineProjection } from '../../projection'
import { foldAgreement } from '../agreementFold'
import { agreementDocumentId } from '../agreementEvents'
import { datesOf } from '../eventDates'
import { describeEvent } from './timelineText'

export const TIMELINE_COLLECTION = 'timeline'
const STATE_COLLECTION = 'timeline-agreements'

export type TimelineEntry = {
  version: number
  recordedAt: string
  happenedOn: string
  who: { id: string; role: string; actsFor?: string }
  type: string
  what: LocalizedMessage
  /** The term the step belongs to: an extension opens term 2, and so on. */
  term: number
}

export type Timeline = { agreementId: string; tenant: string; entries: TimelineEntry[] }

/**
 * One agreement's history as people read it. Refused commands never became
 * events, so they are not here: the record holds what was done, and the
 * refusals live in the app's responses and logs.
 */
export const timelineProjection = defineProjection({
  name: 'timeline',
  // 2: happenedOn of a step that names no day is the day on the initiating region's clock, no longer the UTC day.
  version: 2,
  collections: { [TIMELINE_COLLECTION]: { indexed: [] } },
  async apply(stored, tx) {
    const step = await foldAgreement(stored, tx, STATE_COLLECTION)
    if (step === undefined) return
    const saved = (await tx.get(TIMELINE_COLLECTION, step.documentId)) as unknown as Timeline | undefined
    const dates = datesOf(step.event, stored, step.after.initiatingRegion)
    const actor = stored.metadata.actor as { id: string; role: string; actsFor?: string }
    const entry: TimelineEntry = {
      version: stored.version,
      ...dates,
      who: { id: actor.id, role: actor.role, ...(actor.actsFor === undefined ? {} : { actsFor: actor.actsFor }) },
      type: step.event.type,
      what: describeEvent(step.event, step.after),
      term: step.after.term.number,
    }
    const timeline: Timeline = saved ?? { agreementId: step.agreementId, tenant: step.tenant, entries: [] }
    await tx.put(TIMELINE_COLLECTION, step.documentId, { ...timeline, entries: [...timeline.entries, entry] } as unknown as Record<string, unknown>)
  },
})

const timelineQuerySchema = z.strictObject({ tenant: z.string().min(1).max(64), agreementId: z.string().min(1).max(100) })

/** The agreement's timeline, oldest first; undefined when the agreement is unknown. */
export async function queryTimeline(reader: ReadModelReader, query: z.input<typeof timelineQuerySchema>): Promise<Timeline | undefined> {
  const valid = parseOrThrow(timelineQuerySchema, query, { id: 'permintaan linimasa', en: 'timeline request' })
  return (await reader.get(TIMELINE_COLLECTION, agreementDocumentId(valid.tenant, valid.agreementId))) as unknown as Timeline | undefined
}
