import { AGREEMENT_REDUCER_VERSION, createAgreementService } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import { LONG_STREAM } from '../datasets/largeLog'
import { LONG_AGREEMENT, LONG_AT_HEAD_AGREEMENT, SHORT_AGREEMENT, SNAPSHOT_BEHIND, SNAPSHOT_EVERY } from '../datasets/snapshotAgreements'
import { median } from '../report/statistics'
import type { BenchSubject } from '../subjects/benchSubject'
import type { Measurement, Workload } from './workload'
import { everySubject, oneConnection } from './workload'

// Loads with snapshots take milliseconds: this many of each, long and short in turn, or this long in all.
const SNAPSHOT_LOADS = 100
const SNAPSHOT_LOADS_BUDGET_MS = 750

/**
 * W3, rehydrate: read a 10,000-event stream whole, 50 times, from the large
 * data set, where its events lie among a million others (every subject,
 * within the time budget). Then, for Kerjasama, the target for
 * snapshots: an agreement of as many events loaded through the agreement
 * service with snapshots, beside a 10-event one loaded the same way, in
 * turn, from the snapshot data set: one with its snapshot (taken by the
 * service when the data set was seeded) at the head, one with 99 events
 * after it, the most `every: 100` leaves. The loads take no new snapshot, so
 * each reads the snapshot, checks it and folds the events after it.
 */
export const rehydrate: Workload = {
  id: 'W3',
  title: 'rehydrate a 10,000-event stream (Kerjasama also with snapshots)',
  database: 'large',
  extraDataset: { dataset: 'snapshots', applies: (factory) => factory.family === 'kerjasama' },
  budgeted: true,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes, deadline, extra }) {
    const { streamLength, reads } = sizes.rehydrate
    let done = 0
    const started = performance.now()
    for (; done < reads && performance.now() <= deadline; done += 1) {
      const count = await subject.readStream(LONG_STREAM)
      if (count !== streamLength) throw new Error(`${LONG_STREAM} read ${count} events, expected ${streamLength}`)
    }
    const milliseconds = performance.now() - started
    const withoutSnapshots: Measurement = { metrics: { msPerRead: milliseconds / done, eventsPerSecond: (done * streamLength) / (milliseconds / 1000), reads: done }, notes: [] }
    if (extra === undefined) return withoutSnapshots
    const loads = await loadsWithSnapshots(extra, streamLength)
    return { metrics: { ...withoutSnapshots.metrics, ...loads }, notes: [] }
  },
}

async function loadsWithSnapshots(subject: BenchSubject, streamLength: number): Promise<Record<string, number>> {
  const kerjasama = subject.kerjasama
  if (kerjasama === undefined) throw new Error('W3 with snapshots needs a Kerjasama store')
  // A snapshot store that never saves: a load that passed a multiple of `every` would otherwise write one, and the next load would differ.
  const snapshots = { ...kerjasama.snapshots, tenant: kerjasama.snapshots.tenant, loadLatest: kerjasama.snapshots.loadLatest.bind(kerjasama.snapshots), save: async () => undefined }
  const service = createAgreementService({ store: kerjasama.events, clock: testClock('2026-01-01T00:00:00.000Z'), snapshots: { store: snapshots, every: SNAPSHOT_EVERY } })
  const atHead: number[] = []
  const behind: number[] = []
  const short: number[] = []
  for (const [agreementId, lag] of [[LONG_AT_HEAD_AGREEMENT, 0], [LONG_AGREEMENT, SNAPSHOT_BEHIND]] as const) {
    const snapshot = await kerjasama.snapshots.loadLatest(`agreement-${agreementId}`, { reducerVersion: AGREEMENT_REDUCER_VERSION })
    if (snapshot?.version !== streamLength - lag) throw new Error(`the snapshot of ${agreementId} is at ${snapshot?.version ?? 'no version'}, not ${lag} behind its head (${streamLength})`)
  }
  const timed = async (agreementId: string, into: number[]) => {
    const started = performance.now()
    await service.load(agreementId)
    into.push(performance.now() - started)
  }
  const started = performance.now()
  for (let pair = 0; pair < SNAPSHOT_LOADS && (pair === 0 || performance.now() - started < SNAPSHOT_LOADS_BUDGET_MS); pair += 1) {
    await timed(LONG_AT_HEAD_AGREEMENT, atHead)
    await timed(LONG_AGREEMENT, behind)
    await timed(SHORT_AGREEMENT, short)
  }
  const msShort = median(short)
  return {
    msPerReadWithSnapshots: median(atHead),
    msPerReadSnapshotBehind: median(behind),
    msPerShortLoad: msShort,
    snapshotLoadRatio: median(atHead) / msShort,
    snapshotBehindRatio: median(behind) / msShort,
    snapshotLoads: short.length,
  }
}
