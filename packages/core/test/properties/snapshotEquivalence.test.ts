import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryDatabase, openMemorySnapshotStore, openMemoryStore } from '@kerjasama/store-memory'
import type { MemoryDatabase, MemorySnapshotRow } from '@kerjasama/store-memory'
import { AGREEMENT_REDUCER_VERSION, initialState } from '../../src/agreement'
import type { AgreementCommandInput } from '../../src/agreement'
import { KerjasamaError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import type { SnapshotProblem } from '../../src/handler'
import { loadAgreement } from '../../src/service/agreementSnapshots'
import { snapshotDigest } from '../../src/service/snapshotDigest'
import { snapshotPolicyOf } from '../../src/service/snapshotOptions'
import type { Actor } from '../../src/store'
import { agreementLifecycle, sequentialIds, testActors, testClock } from '../../src/testing'
import type { LifecycleVariant } from '../../src/testing'

// For all histories, snapshot intervals, tamperings and snapshots of other
// reducer versions: a load with snapshots gives exactly the state and version
// a load without gives. Two services share one event store; only one of them
// has snapshots, and either may execute a step, so snapshots lag behind the
// stream as they do when several app instances write.

const START = Date.parse('2022-02-22T02:00:00.000Z')
const DAY_MS = 86_400_000
const TENANT = '33.05'
const AGREEMENT = 'ks-snapshot'
const STREAM = `agreement-${AGREEMENT}`

type Tampering = 'none' | 'event-hash' | 'edited-state' | 'forged-shape' | 'past-the-end' | 'other-reducer'

type Step = {
  /** Index into the lifecycle, or an extra command (extension, amendment, monev, termination) at any point. */
  command: { kind: 'lifecycle' } | { kind: 'extra'; which: number }
  bySnapshotService: boolean
  tampering: Tampering
  /** The reducer version a snapshot of "another library version" is planted under. */
  otherReducer: number
}

const extras = (agreementId: string): Array<{ command: AgreementCommandInput; actor: Actor }> => [
  { command: { type: 'Extend', agreementId, reason: 'Para pihak sepakat memperpanjang untuk periode berikutnya' }, actor: testActors['kepala-daerah'] },
  {
    command: { type: 'Amend', agreementId, description: 'Penambahan kegiatan pendampingan', documentReference: 'Adendum I', addActions: [{ description: 'Pendampingan pemasaran', owner: 'Dinas Koperasi dan UKM', dueDate: '2022-12-01', output: '20 perajin didampingi' }] },
    actor: testActors.tkksd,
  },
  { command: { type: 'RecordMonev', agreementId, score: 75, findings: 'Sebagian kegiatan terlaksana', recommendation: 'amend' }, actor: testActors.monev },
  { command: { type: 'Terminate', agreementId, reason: 'Para pihak sepakat mengakhiri kerja sama' }, actor: testActors['kepala-daerah'] },
]

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  command: fc.oneof({ weight: 5, arbitrary: fc.constant({ kind: 'lifecycle' as const }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }).map((which) => ({ kind: 'extra' as const, which })) }),
  bySnapshotService: fc.boolean(),
  tampering: fc.oneof({ weight: 2, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom<Tampering>('event-hash', 'edited-state', 'forged-shape', 'past-the-end', 'other-reducer') }),
  otherReducer: fc.integer({ min: 1, max: 6 }).map((offset) => AGREEMENT_REDUCER_VERSION + offset),
})

/** The snapshot of the current reducer version, as the memory database keeps it. */
const CURRENT_KEY = `${TENANT}\n${STREAM}\n${AGREEMENT_REDUCER_VERSION}`

function digestOf(row: Pick<MemorySnapshotRow, 'version' | 'reducerVersion' | 'eventHash' | 'stateJson'>): string {
  return snapshotDigest({ tenant: TENANT, streamId: STREAM, ...row })
}

/** Edits the snapshot store behind the library's back, the way someone with the database client would. Returns the reason the service must give for ignoring it. */
function tamper(database: MemoryDatabase, step: Step): SnapshotProblem | undefined {
  if (step.tampering === 'other-reducer') {
    // A snapshot of another reducer version, valid in every other way and claiming a later version: never to be used.
    const stateJson = JSON.stringify({ ...initialState, status: 'ended', agreementId: 'forged' })
    const row = { version: 1_000, reducerVersion: step.otherReducer, eventHash: 'e'.repeat(64), stateJson }
    database.snapshots.set(`${TENANT}\n${STREAM}\n${step.otherReducer}`, { ...row, stateDigest: digestOf(row) })
    return undefined
  }
  const row = database.snapshots.get(CURRENT_KEY)
  if (row === undefined || step.tampering === 'none') return undefined
  const state = JSON.parse(row.stateJson) as Record<string, unknown>
  const ignored = (reason: Extract<SnapshotProblem, { kind: 'ignored' }>['reason'], version: number): SnapshotProblem => ({ kind: 'ignored', streamId: STREAM, version, reason })
  switch (step.tampering) {
    case 'event-hash':
      row.eventHash = row.eventHash.startsWith('0') ? `1${row.eventHash.slice(1)}` : `0${row.eventHash.slice(1)}`
      row.stateDigest = digestOf(row)
      return ignored('event-hash', row.version)
    case 'edited-state':
      row.stateJson = JSON.stringify({ ...state, status: state.status === 'ended' ? 'signed' : 'ended' })
      return ignored('state-digest', row.version)
    case 'forged-shape':
      row.stateJson = JSON.stringify({ ...state, statuss: state.status })
      row.stateDigest = digestOf(row)
      return ignored('state-shape', row.version)
    case 'past-the-end':
      row.version += 500
      row.stateDigest = digestOf(row)
      return ignored('event-missing', row.version)
  }
}

describe('snapshots', () => {
  it('for all histories, intervals and reducer versions, a load with snapshots equals a load without (state and version), and a tampered snapshot is ignored', async () => {
    let snapshotsUsed = 0
    let tamperingsCaught = 0
    const reasonsCaught = new Set<string>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<LifecycleVariant>('KSDPK', 'KSDD-sukarela', 'Sinergi'),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }),
        async (variant, dprd, every, steps) => {
          const database = createMemoryDatabase()
          const store = openMemoryStore({ tenant: TENANT, database })
          const snapshotStore = openMemorySnapshotStore({ tenant: TENANT, database })
          const problems: SnapshotProblem[] = []
          const clock = testClock(new Date(START))
          const snapshots = { store: snapshotStore, every, onProblem: (problem: SnapshotProblem) => problems.push(problem) }
          const withSnapshots = createAgreementService({ store, clock, ids: sequentialIds('with'), snapshots })
          const without = createAgreementService({ store, clock, ids: sequentialIds('without') })
          const policy = snapshotPolicyOf(snapshots, TENANT)
          const lifecycle = agreementLifecycle(variant, { agreementId: AGREEMENT, start: new Date(START), dprd })
          let next = 0
          for (const step of steps) {
            const planned = step.command.kind === 'lifecycle' ? lifecycle[next] : extras(AGREEMENT)[step.command.which]
            if (planned === undefined) continue
            if (step.command.kind === 'lifecycle') {
              const day = START + (lifecycle[next]?.day ?? 0) * DAY_MS
              if (day > clock().getTime()) clock.set(new Date(day))
            } else {
              clock.advance({ hours: 1 })
            }
            try {
              await (step.bySnapshotService ? withSnapshots : without).execute(planned.command, { actor: planned.actor })
              if (step.command.kind === 'lifecycle') next += 1
            } catch (error) {
              // An extra command out of place is refused and writes nothing; the comparison below still runs.
              if (!(error instanceof KerjasamaError)) throw error
            }
            const history = await without.history(AGREEMENT)
            if (history.length === 0) continue

            const expectedProblem = tamper(database, step)
            problems.length = 0
            const loaded = await loadAgreement(store, AGREEMENT, policy)
            expect(loaded.state).toStrictEqual(await without.load(AGREEMENT))
            expect(loaded.version).toBe(history.length)
            if (loaded.baseVersion > 0) snapshotsUsed += 1
            if (expectedProblem !== undefined) {
              expect(problems).toContainEqual(expectedProblem)
              expect(loaded.baseVersion).toBe(0)
              tamperingsCaught += 1
              if (expectedProblem.kind === 'ignored') reasonsCaught.add(expectedProblem.reason)
            }
            expect(await withSnapshots.load(AGREEMENT)).toStrictEqual(await without.load(AGREEMENT))
          }
        },
      ),
      { numRuns: 80 },
    )
    // The runs used snapshots and caught tamperings, rather than passing by always folding from the start.
    expect(snapshotsUsed).toBeGreaterThan(60)
    expect(tamperingsCaught).toBeGreaterThan(25)
    expect([...reasonsCaught].sort()).toEqual(['event-hash', 'event-missing', 'state-digest', 'state-shape'])
  }, 120_000)
})
