import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { AGREEMENT_REDUCER_VERSION, createAgreementService } from '@kerjasama/core'
import type { AgreementService, NewEvent, SnapshotStore } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { openSqliteStore } from '../src/index'

// W3 (issue "Speed, measured side by side"): with snapshots, loading a
// 10,000-event agreement should take at most twice as long as loading a
// 10-event one. Loads go through the agreement service on a real file, so
// they include reading the snapshot, checking it (event hash, digest,
// state schema) and folding the tail.
const START = Date.parse('2022-02-22T02:00:00.000Z')
const DAY_MS = 86_400_000
const EVERY = 100
const directory = mkdtempSync(join(tmpdir(), 'kerjasama-bench-snapshots-'))
const store = openSqliteStore({ file: join(directory, 'snapshots.db'), durability: 'normal', tenant: '33.05' })
const clock = testClock(new Date(START))
const plain = createAgreementService({ store, clock })
const metadata = { actor: { id: 'tkksd-sekda-kebumen', role: 'tkksd', actsFor: '33.05' }, correlationId: 'bench', causationId: 'bench', recordedAt: '2022-12-01T02:00:00.000Z' }

/** Runs the good path up to `steps` steps (each one event). */
async function lifecycle(agreementId: string, steps: number): Promise<void> {
  for (const step of agreementLifecycle('KSDPK', { agreementId, start: new Date(START) }).slice(0, steps)) {
    clock.set(new Date(START + step.day * DAY_MS))
    await plain.execute(step.command, { actor: step.actor })
  }
}

/**
 * Pads the stream to `total` events. `constant`: TKKSD discussing the KB
 * draft again and again, which replaces one entry, so the state keeps its
 * size; `growing`: one monev after another, each kept in the state.
 */
async function pad(agreementId: string, total: number, kind: 'constant' | 'growing'): Promise<void> {
  const streamId = `agreement-${agreementId}`
  let version = (await plain.history(agreementId)).length
  while (version < total) {
    const batch: NewEvent[] = Array.from({ length: Math.min(1000, total - version) }, (_, index) => {
      const n = version + index
      const data =
        kind === 'constant'
          ? { type: 'DraftReviewed', data: { document: 'KB', draftReference: `Rancangan KB revisi ${n}`, notes: 'TKKSD membahas rancangan', at: metadata.recordedAt } }
          : { type: 'MonevRecorded', data: { score: 75, findings: `Temuan pemantauan ke-${n}`, recommendation: 'continue', occurredOn: '2022-12-01', at: metadata.recordedAt } }
      return { type: data.type, schemaVersion: 1, data: data.data, metadata }
    })
    await store.append(streamId, batch, { expectedVersion: version })
    version += batch.length
  }
}

/** A snapshot store that loads but never saves, so every load folds the same tail. */
function loadOnly(snapshots: SnapshotStore): SnapshotStore {
  return { ...snapshots, save: async () => undefined }
}

function service(snapshots: SnapshotStore | undefined): AgreementService {
  return createAgreementService({ store, clock, ...(snapshots === undefined ? {} : { snapshots: { store: snapshots, every: EVERY } }) })
}

/** A 10,000-event agreement whose newest snapshot lies `behind` events before its head. */
async function longAgreement(agreementId: string, kind: 'constant' | 'growing', behind: number): Promise<void> {
  await lifecycle(agreementId, 17)
  await pad(agreementId, 10_000 - behind, kind)
  await store.snapshots.save(`agreement-${agreementId}`, await snapshotOf(agreementId))
  await pad(agreementId, 10_000, kind)
}

/** The snapshot the service takes, by a load that folds the whole stream (every = 1 passes a multiple at once). */
async function snapshotOf(agreementId: string) {
  await createAgreementService({ store, clock, snapshots: { store: store.snapshots, every: 1 } }).load(agreementId)
  const snapshot = await store.snapshots.loadLatest(`agreement-${agreementId}`, { reducerVersion: AGREEMENT_REDUCER_VERSION })
  if (snapshot === undefined) throw new Error('no snapshot was taken')
  return snapshot
}

await lifecycle('short', 10)
await longAgreement('head', 'constant', 0)
await longAgreement('behind-9', 'constant', 9)
await longAgreement('behind-99', 'constant', 99)
await longAgreement('growing-head', 'growing', 0)
const withSnapshots = service(loadOnly(store.snapshots))
const without = service(undefined)
const load = (on: AgreementService, agreementId: string) => () => on.load(agreementId).then(() => undefined)

describe('W3 rehydrate an agreement through the service: 10 events vs 10,000 (loads that take no new snapshot)', () => {
  bench('10 events', load(withSnapshots, 'short'), { time: 3000 })
  bench('10,000 events, snapshot at the head', load(withSnapshots, 'head'), { time: 3000 })
  bench('10,000 events, snapshot 9 behind (the most with every = 10)', load(withSnapshots, 'behind-9'), { time: 3000 })
  bench('10,000 events, snapshot 99 behind (the most with every = 100)', load(withSnapshots, 'behind-99'), { time: 3000 })
  bench('10,000 events, no snapshots', load(without, 'head'), { time: 3000, iterations: 3 })
  bench('10,000 events, state growing with every event, snapshot at the head', load(withSnapshots, 'growing-head'), { time: 3000, iterations: 5 })
})
