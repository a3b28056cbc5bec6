import { AGREEMENT_REDUCER_VERSION, createAgreementService } from '@kerjasama/core'
import type { AgreementService, EventStore, NewEvent, SnapshotStore } from '@kerjasama/core'
import { runLifecycle, testClock } from '@kerjasama/core/testing'
import type { TestClock } from '@kerjasama/core/testing'

/** W3 with snapshots: the long agreements (the snapshot at the head, and 99 events behind it), and the one of ten events they are compared with. */
export const LONG_AGREEMENT = 'bench-snapshot-long'
export const LONG_AT_HEAD_AGREEMENT = 'bench-snapshot-long-head'
export const SHORT_AGREEMENT = 'bench-snapshot-short'
export const SHORT_LENGTH = 10
/** The service's snapshot policy, as an application would set it: a snapshot every 100 events. */
export const SNAPSHOT_EVERY = 100
/** The snapshot lies this far behind the long stream's head: the most the policy above leaves, so each load folds the most it can. */
export const SNAPSHOT_BEHIND = SNAPSHOT_EVERY - 1

const START = '2022-02-22T02:00:00.000Z'
const PAD_BATCH = 1_000
const METADATA = { actor: { id: 'tkksd-sekda-kebumen', role: 'tkksd', actsFor: '33.05' }, correlationId: 'bench', causationId: 'bench', recordedAt: '2022-12-01T02:00:00.000Z' } as const

/**
 * The snapshot data set, Kerjasama's alone: two `longLength`-event
 * agreements (a full KSDPK lifecycle decided by the service, then TKKSD
 * reviewing the KB draft again and again, which keeps the state's size) and
 * a 10-event one. Their snapshots are taken as an application's would be:
 * by the service, loading the stored stream with `snapshots: { every: 100 }`,
 * which folds the stored events and saves the state there. One snapshot is
 * at its stream's head; 99 more events follow the other's, the most that
 * policy leaves after a snapshot. Resolves to the number of events written.
 */
export async function seedSnapshotAgreements(events: EventStore, snapshots: SnapshotStore, longLength: number): Promise<number> {
  const clock = testClock(START)
  const plain = createAgreementService({ store: events, clock })
  await runLifecycle(plain, clock, 'KSDPK', { agreementId: SHORT_AGREEMENT, start: START }, { steps: SHORT_LENGTH })
  const long = async (agreementId: string, behind: number) => {
    await runLifecycle(plain, clock, 'KSDPK', { agreementId, start: START })
    return longAgreement(events, snapshots, plain, clock, agreementId, longLength, behind)
  }
  return (await long(LONG_AT_HEAD_AGREEMENT, 0)) + (await long(LONG_AGREEMENT, SNAPSHOT_BEHIND)) + SHORT_LENGTH
}

async function longAgreement(events: EventStore, snapshots: SnapshotStore, plain: AgreementService, clock: TestClock, agreementId: string, longLength: number, behind: number): Promise<number> {
  let version = (await plain.history(agreementId)).length
  const padTo = async (length: number) => {
    while (version < length) {
      const batch: NewEvent[] = Array.from({ length: Math.min(PAD_BATCH, length - version) }, (_, index) => ({
        type: 'DraftReviewed',
        schemaVersion: 1,
        data: { document: 'KB', draftReference: `Rancangan KB revisi ${version + index}`, notes: 'TKKSD membahas rancangan', at: METADATA.recordedAt },
        metadata: METADATA,
      }))
      await events.append(`agreement-${agreementId}`, batch, { expectedVersion: version })
      version += batch.length
    }
  }
  await padTo(longLength - behind)
  await createAgreementService({ store: events, clock, snapshots: { store: snapshots, every: SNAPSHOT_EVERY } }).load(agreementId)
  const snapshot = await snapshots.loadLatest(`agreement-${agreementId}`, { reducerVersion: AGREEMENT_REDUCER_VERSION })
  if (snapshot?.version !== version) throw new Error(`the service took no snapshot of ${agreementId} at version ${version} (found ${snapshot?.version ?? 'none'})`)
  await padTo(longLength)
  return version
}
