import { z } from 'zod'
import { AGREEMENT_STREAM_PREFIX, agreementStreamId, fold, parseAgreementEvent, parseOrThrow } from '@kerjasama/core'
import type { AgreementState, EventStore, StoredEvent } from '@kerjasama/core'
import type { Projection } from '../projection'
import { calendarDay, datesOf } from '../readModels/eventDates'
import { registerProjection } from '../readModels/register/registerProjection'
import { queryWatchlist } from '../readModels/watchlist/watchlist'
import type { WatchlistEntry, WatchlistQuery } from '../readModels/watchlist/watchlist'
import { DocumentsInMemory } from './documentsInMemory'

/**
 * "As of a date" is rebuilt from the events up to that date, never from a
 * snapshot, so what it shows is what the record held then. `by: 'recorded'`
 * (the default) takes the steps recorded up to the end of that day;
 * `by: 'happened'` takes the steps that happened by then — a KB signed on
 * 30 June but recorded on 3 July counts for 30 June.
 */
export const asOfSchema = z.strictObject({
  date: z.iso.date(),
  by: z.enum(['recorded', 'happened']).optional(),
})
export type AsOf = z.input<typeof asOfSchema>

const AS_OF = { id: 'tanggal acuan (per tanggal)', en: 'as-of date' }

function includes(asOf: { date: string; by?: 'recorded' | 'happened' | undefined }): (event: StoredEvent) => boolean {
  return (event) => {
    if (!event.streamId.startsWith(AGREEMENT_STREAM_PREFIX)) return calendarDay(event.metadata.recordedAt) <= asOf.date
    const dates = datesOf(parseAgreementEvent(event.type, event.schemaVersion, event.data), event)
    return (asOf.by === 'happened' ? dates.happenedOn : calendarDay(dates.recordedAt)) <= asOf.date
  }
}

/** Builds the projections from the events up to the date, in this process; the result answers the same queries as the live read models. */
export async function readModelsAsOf(store: EventStore, projections: readonly Projection[], asOf: AsOf): Promise<DocumentsInMemory> {
  const valid = parseOrThrow(asOfSchema, asOf, AS_OF)
  const indexes = Object.assign({}, ...projections.map((projection) => projection.collections ?? {}))
  const documents = new DocumentsInMemory(indexes)
  const keep = includes(valid)
  for await (const event of store.readAll()) {
    if (!keep(event)) continue
    for (const projection of projections) await projection.apply(event, documents.transaction)
  }
  return documents
}

export function registerAsOf(store: EventStore, asOf: AsOf): Promise<DocumentsInMemory> {
  return readModelsAsOf(store, [registerProjection], asOf)
}

/** The watchlist as it stood at the end of the date (23:59:59.999 UTC), from the register as of that date. */
export async function watchlistAsOf(store: EventStore, asOf: AsOf, query: Omit<WatchlistQuery, 'now'> = {}): Promise<WatchlistEntry[]> {
  const valid = parseOrThrow(asOfSchema, asOf, AS_OF)
  const reader = await registerAsOf(store, valid)
  return queryWatchlist(reader, { ...query, now: new Date(`${valid.date}T23:59:59.999Z`) })
}

/** One agreement's state as it stood on the date; the initial state ("none") when it did not exist yet. */
export async function agreementAsOf(store: EventStore, agreementId: string, asOf: AsOf): Promise<AgreementState> {
  const valid = parseOrThrow(asOfSchema, asOf, AS_OF)
  const keep = includes(valid)
  const events = []
  for await (const event of store.readStream(agreementStreamId(agreementId))) {
    if (keep(event)) events.push(parseAgreementEvent(event.type, event.schemaVersion, event.data))
  }
  return fold(events)
}
