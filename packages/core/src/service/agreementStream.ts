import { parseAgreementEvent } from '../agreement'
import type { AgreementEvent } from '../agreement'
import type { EventStore, StoredEvent, TenantId } from '../store'

/** Every agreement lives in its own stream; the prefix keeps room for other aggregates in the same store. */
export const AGREEMENT_STREAM_PREFIX = 'agreement-'

export function agreementStreamId(agreementId: string): string {
  return `${AGREEMENT_STREAM_PREFIX}${agreementId}`
}

export function agreementIdOfStream(streamId: string): string {
  return streamId.startsWith(AGREEMENT_STREAM_PREFIX) ? streamId.slice(AGREEMENT_STREAM_PREFIX.length) : streamId
}

export type LoadedStream = {
  stored: StoredEvent[]
  /** The same events, each validated again through its schema: storage is a boundary too. */
  events: AgreementEvent[]
  /** 0 when the stream does not exist. */
  version: number
}

export async function readAgreementStream(store: EventStore, agreementId: string, tenant?: TenantId): Promise<LoadedStream> {
  const stored: StoredEvent[] = []
  // The own tenant's stream is read as before, with no options at all.
  const reading = tenant === undefined ? store.readStream(agreementStreamId(agreementId)) : store.readStream(agreementStreamId(agreementId), { tenant })
  for await (const event of reading) stored.push(event)
  const events = stored.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data))
  const last = stored.at(-1)
  return { stored, events, version: last === undefined ? 0 : last.version }
}
