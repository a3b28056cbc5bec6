import { AGREEMENT_STREAM_PREFIX, agreementIdOfStream, parseAgreementEvent } from '@kerjasama/core'
import type { AgreementEvent, StoredEvent } from '@kerjasama/core'

/** A stored agreement event, parsed through its schema (storage is a boundary), with where it came from. */
export type AgreementRecord = {
  tenant: string
  agreementId: string
  stored: StoredEvent
  event: AgreementEvent
}

/**
 * The built-in read models watch agreement streams only; a store may hold
 * other aggregates beside them (the stream prefix keeps room for that), whose
 * events they pass over.
 */
export function agreementRecordOf(stored: StoredEvent): AgreementRecord | undefined {
  if (!stored.streamId.startsWith(AGREEMENT_STREAM_PREFIX)) return undefined
  return { tenant: stored.tenant, agreementId: agreementIdOfStream(stored.streamId), stored, event: parseAgreementEvent(stored.type, stored.schemaVersion, stored.data) }
}

/**
 * One agreement id may be chosen by two regions (the seed's readable ids are),
 * and a province's reader sees both: documents are keyed by tenant and id.
 */
export function agreementDocumentId(tenant: string, agreementId: string): string {
  return `${tenant}/${agreementId}`
}
