import { evolve, initialState } from '@kerjasama/core'
import type { AgreementState, ReadModelTransaction, StoredEvent } from '@kerjasama/core'
import { agreementDocumentId, agreementRecordOf } from './agreementEvents'
import type { AgreementRecord } from './agreementEvents'

export type AgreementStep = AgreementRecord & {
  /** The document id of the agreement in every built-in collection (tenant/agreementId). */
  documentId: string
  before: AgreementState
  after: AgreementState
}

/**
 * Each built-in read model is a projection a user may run alone, so each
 * keeps the agreement's state in a collection of its own and folds it with
 * core's `evolve` — the same fold the guards decide on — rather than reading
 * another projection's documents, which may be at another checkpoint.
 * Returns undefined for events of other aggregates.
 */
export async function foldAgreement(stored: StoredEvent, tx: ReadModelTransaction, stateCollection: string): Promise<AgreementStep | undefined> {
  const record = agreementRecordOf(stored)
  if (record === undefined) return undefined
  const documentId = agreementDocumentId(record.tenant, record.agreementId)
  const saved = (await tx.get(stateCollection, documentId)) as { state: AgreementState } | undefined
  const before = saved?.state ?? initialState
  const after = evolve(before, record.event)
  await tx.put(stateCollection, documentId, { state: after as unknown as Record<string, unknown> })
  return { ...record, documentId, before, after }
}
