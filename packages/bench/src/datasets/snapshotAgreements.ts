import { AGREEMENT_REDUCER_VERSION, createAgreementService } from '@kerjasama/core'
import type { EventStore, NewEvent, SnapshotStore } from '@kerjasama/core'
import { runLifecycle, testClock } from '@kerjasama/core/testing'

/** W3 with snapshots: the agreement loaded long, and the one of ten events it is compared with. */
export const LONG_AGREEMENT = 'bench-snapshot-long'
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
 * The snapshot data set, Kerjasama's alone: a `longLength`-event agreement
 * (a full KSDPK lifecycle decided by the service, then TKKSD reviewing the
 * KB draft again and again, which keeps the state's size) and a 10-event
 * one. Its snapshot is taken as an application's would be: by the service,
 * loading the stored stream with `snapshots: { every: 100 }`, which folds
 * the stored events and saves the state there; 99 more events follow it,
 * the most that policy leaves after a snapshot. Resolves to the number of
 * events written.
 */
export async function seedSnapshotAgreements(events: EventStore, snapshots: SnapshotStore, longLength: number): Promise<number> {
  const clock = testClock(START)
  const plain = createAgreementService({ store: events, clock })
  await runLifecycle(plain, clock, 'KSDPK', { agreementId: SHORT_AGREEMENT, start: START }, { steps: SHORT_LENGTH })
  await runLifecycle(plain, clock, 'KSDPK', { agreementId: LONG_AGREEMENT, start: START })
  let version = (await plain.history(LONG_AGREEMENT)).length
  const padTo = async (length: number) => {
    while (version < length) {
      const batch: NewEvent[] = Array.from({ length: Math.min(PAD_BATCH, length - version) }, (_, index) => ({
        type: 'DraftReviewed',
        schemaVersion: 1,
        data: { document: 'KB', draftReference: `Rancangan KB revisi ${version + index}`, notes: 'TKKSD membahas rancangan', at: METADATA.recordedAt },
        metadata: METADATA,
      }))
      await events.append(`agreement-${LONG_AGREEMENT}`, batch, { expectedVersion: version })
      version += batch.length
    }
  }
  await padTo(longLength - SNAPSHOT_BEHIND)
  await createAgreementService({ store: events, clock, snapshots: { store: snapshots, every: SNAPSHOT_EVERY } }).load(LONG_AGREEMENT)
  const snapshot = await snapshots.loadLatest(`agreement-${LONG_AGREEMENT}`, { reducerVersion: AGREEMENT_REDUCER_VERSION })
  if (snapshot?.version !== version) throw new Error(`the service took no snapshot at version ${version} (found ${snapshot?.version ?? 'none'})`)
  await padTo(longLength)
  return version + SHORT_LENGTH
}
