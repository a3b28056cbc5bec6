import { z } from 'zod'
import { AGREEMENT_STREAM_PREFIX, agreementStreamId, fold, parseAgreementEvent, parseOrThrow } from '@kerjasama/core'
import type { AgreementState, EventStore, StoredEvent } from '@kerjasama/core'
import type { Projection } from '../projection'
import { datesOf, regionDayOf } from '../readModels/eventDates'
import { registerProjection } from '../readModels/register/registerProjection'
import { watchlistFrom } from '../readModels/watchlist/watchlist'
import type { WatchlistEntry, WatchlistQuery } from '../readModels/watchlist/watchlist'
import { DocumentsInMemory } from './documentsInMemory'

/**
 * "As of a date" is rebuilt from the events up to that date, never from a
 * snapshot, so what it shows is what the record held then. `by: 'recorded'`
 * (the default) takes the steps recorded up to the end of that day;
 * `by: 'happened'` takes the steps that happened by then — a KB signed on
 * 30 June but recorded on 3 July counts for 30 June. Days are the
 * initiating region's (WIB, WITA or WIT), as everywhere on the read side: a
 * step recorded at 01:00 WIT on 1 July (16:00 UTC on 30 June) counts for
 * 1 July in Jayapura.
 */
export const asOfSchema = z.strictObject({
  date: z.iso.date(),
  by: z.enum(['recorded', 'happened']).optional(),
})
export type AsOf = z.input<typeof asOfSchema>

const AS_OF = { id: 'tanggal acuan (per tanggal)', en: 'as-of date' }

/**
 * Whether an event counts for the date. Called on every event in order, kept
 * or not: an agreement's region comes from its identification, the first
 * event of its stream, and is remembered per stream. Events of other
 * aggregates have no initiating region; they count by the clock of their
 * tenant when the tenant is a province's or kabupaten/kota's code (a
 * region's own store), else by UTC.
 */
function includes(asOf: { date: string; by?: 'recorded' | 'happened' | undefined }): (event: StoredEvent) => boolean {
  const regionOfStream = new Map<string, string>()
  return (event) => {
    if (!event.streamId.startsWith(AGREEMENT_STREAM_PREFIX)) return regionDayOf(event.metadata.recordedAt, event.tenant) <= asOf.date
    const parsed = parseAgreementEvent(event.type, event.schemaVersion, event.data)
    const key = `${event.tenant}/${event.streamId}`
    if (parsed.type === 'CooperationIdentified') regionOfStream.set(key, parsed.data.initiatingRegion)
    const region = regionOfStream.get(key) ?? event.tenant
    const dates = datesOf(parsed, event, region)
    return (asOf.by === 'happened' ? dates.happenedOn : regionDayOf(dates.recordedAt, region)) <= asOf.date
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

/**
 * The watchlist as it stood on the date, from the register as of that date:
 * every agreement judged on the date itself, the day the user asked about,
 * whichever zone its region keeps.
 */
export async function watchlistAsOf(store: EventStore, asOf: AsOf, query: Omit<WatchlistQuery, 'now'> = {}): Promise<WatchlistEntry[]> {
  const valid = parseOrThrow(asOfSchema, asOf, AS_OF)
  const reader = await registerAsOf(store, valid)
  return watchlistFrom(reader, query, { day: valid.date })
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
