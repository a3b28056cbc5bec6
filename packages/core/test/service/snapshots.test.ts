import { describe, expect, it } from 'vitest'
import { createMemoryDatabase, openMemorySnapshotStore, openMemoryStore } from '@kerjasama/store-memory'
import { AGREEMENT_REDUCER_VERSION, fold, initialState, parseAgreementEvent } from '../../src/agreement'
import { KerjasamaError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import type { AgreementService, SnapshotOptions, SnapshotProblem } from '../../src/handler'
import { snapshotDigest } from '../../src/service/snapshotDigest'
import type { Snapshot, SnapshotStore } from '../../src/snapshotStore'
import type { EventStore, NewEvent, ReadStreamOptions, StoredEvent } from '../../src/store'
import { agreementLifecycle, sequentialIds, testClock } from '../../src/testing'

const START = '2022-02-22T02:00:00.000Z'
const DAY_MS = 86_400_000
const TENANT = '33.05'

/** Counts what reached the event store's readStream, to show which range a load read. */
function recordingStore(base: EventStore): EventStore & { reads: Array<ReadStreamOptions | undefined> } {
  const reads: Array<ReadStreamOptions | undefined> = []
  return {
    reads,
    tenant: base.tenant,
    append: base.append.bind(base),
    readStream: (streamId, options) => {
      reads.push(options)
      return base.readStream(streamId, options)
    },
    readAll: base.readAll.bind(base),
    verify: base.verify.bind(base),
    close: base.close.bind(base),
  }
}

function setup(overrides: { every?: number; snapshotStore?: SnapshotStore; store?: EventStore; onProblem?: SnapshotOptions['onProblem'] } = {}) {
  const database = createMemoryDatabase()
  const store = recordingStore(overrides.store ?? openMemoryStore({ tenant: TENANT, database }))
  const snapshotStore = overrides.snapshotStore ?? openMemorySnapshotStore({ tenant: TENANT, database })
  const problems: SnapshotProblem[] = []
  const clock = testClock(START)
  const snapshots: SnapshotOptions = { store: snapshotStore, every: overrides.every ?? 5, onProblem: overrides.onProblem ?? ((problem) => problems.push(problem)) }
  const service = createAgreementService({ store, clock, ids: sequentialIds('svc'), snapshots })
  const plain = createAgreementService({ store, clock, ids: sequentialIds('plain') })
  return { database, store, snapshotStore, problems, clock, service, plain }
}

async function runLifecycle(service: AgreementService, clock: ReturnType<typeof testClock>, agreementId = 'ks-1', steps = Number.POSITIVE_INFINITY): Promise<void> {
  for (const step of agreementLifecycle('KSDPK', { agreementId, start: START }).slice(0, steps)) {
    clock.set(new Date(Date.parse(START) + step.day * DAY_MS))
    await service.execute(step.command, { actor: step.actor })
  }
}

function foldOf(history: StoredEvent[]) {
  return fold(history.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data)))
}

describe('agreement service snapshots', () => {
  it('a load folds only the events after the newest snapshot, which the service took as it appended', async () => {
    const { service, plain, store, snapshotStore, clock } = setup({ every: 5 })
    await runLifecycle(service, clock)
    const history = await plain.history('ks-1')
    expect(history.length).toBeGreaterThan(10)
    const snapshot = (await snapshotStore.loadLatest('agreement-ks-1', { reducerVersion: AGREEMENT_REDUCER_VERSION })) as Snapshot
    expect(snapshot.version).toBe(Math.floor(history.length / 5) * 5)
    expect(snapshot.eventHash).toBe(history[snapshot.version - 1]?.hash)
    store.reads.length = 0
    expect(await service.load('ks-1')).toStrictEqual(foldOf(history))
    expect(store.reads).toEqual([{ fromVersion: snapshot.version }])
  })

  it('off by default: without the option nothing is read from or written to a snapshot store, and loads read the whole stream', async () => {
    const { plain, store, clock, database } = setup()
    await runLifecycle(plain, clock)
    expect(database.snapshots.size).toBe(0)
    store.reads.length = 0
    await plain.load('ks-1')
    expect(store.reads).toEqual([undefined])
  })

  it('a load of a stream older than its snapshots (written before they were on) takes one, so the next load reads the tail only', async () => {
    const { service, plain, store, snapshotStore, clock } = setup({ every: 4 })
    await runLifecycle(plain, clock)
    const history = await plain.history('ks-1')
    expect(await snapshotStore.loadLatest('agreement-ks-1', { reducerVersion: AGREEMENT_REDUCER_VERSION })).toBeUndefined()
    expect(await service.load('ks-1')).toStrictEqual(foldOf(history))
    expect((await snapshotStore.loadLatest('agreement-ks-1', { reducerVersion: AGREEMENT_REDUCER_VERSION }))?.version).toBe(history.length)
    store.reads.length = 0
    expect(await service.load('ks-1')).toStrictEqual(foldOf(history))
    expect(store.reads).toEqual([{ fromVersion: history.length }])
  })

  it('a snapshot after an append folds the events as the store holds them, never the events decide returned', async () => {
    // A store that keeps something other than what it was given (a trigger, a
    // normalising adapter): the snapshot must show what loading would show.
    const base = openMemoryStore({ tenant: TENANT })
    const rewriting: EventStore = {
      tenant: base.tenant,
      append: (streamId: string, events: NewEvent[], options) =>
        base.append(streamId, events.map((event) => (event.type === 'FeasibilityAssessed' ? { ...event, data: { ...(event.data as object), notes: 'Dicatat ulang oleh penyimpanan' } } : event)), options),
      readStream: base.readStream.bind(base),
      readAll: base.readAll.bind(base),
      verify: base.verify.bind(base),
      close: base.close.bind(base),
    }
    const { service, snapshotStore, clock } = setup({ every: 1, store: rewriting })
    await runLifecycle(service, clock, 'ks-1', 3)
    const snapshot = (await snapshotStore.loadLatest('agreement-ks-1', { reducerVersion: AGREEMENT_REDUCER_VERSION })) as Snapshot
    expect(snapshot.version).toBe(3)
    expect((snapshot.state as { term: { feasibility: { notes: string } } }).term.feasibility.notes).toBe('Dicatat ulang oleh penyimpanan')
  })

  it('a failing save never fails the command, whose events are stored; the hook hears of it, and a hook that throws is dropped', async () => {
    const failing: SnapshotStore = {
      tenant: TENANT,
      loadLatest: async () => undefined,
      save: async () => {
        throw new Error('disk full')
      },
      close: async () => undefined,
    }
    const { service, plain, problems, clock } = setup({ every: 1, snapshotStore: failing })
    await runLifecycle(service, clock, 'ks-1', 3)
    expect((await plain.history('ks-1')).length).toBe(3)
    expect(problems.filter((problem) => problem.kind === 'save-failed').length).toBeGreaterThanOrEqual(3)
    expect(problems[0]).toMatchObject({ kind: 'save-failed', streamId: 'agreement-ks-1', error: new Error('disk full') })

    const throwingHook = setup({ every: 1, snapshotStore: failing, onProblem: () => { throw new Error('logger down') } })
    await runLifecycle(throwingHook.service, throwingHook.clock, 'ks-1', 3)
    expect(await throwingHook.service.load('ks-1')).toStrictEqual(foldOf(await throwingHook.plain.history('ks-1')))
  })

  it('a snapshot store that cannot be read makes loads fold from the start, never fail', async () => {
    const unreadable: SnapshotStore = {
      tenant: TENANT,
      loadLatest: async () => {
        throw new KerjasamaError('STORE_UNAVAILABLE', { id: 'tidak tersedia', en: 'unavailable' })
      },
      save: async () => undefined,
      close: async () => undefined,
    }
    const { service, plain, problems, clock } = setup({ every: 2, snapshotStore: unreadable })
    await runLifecycle(service, clock)
    expect(await service.load('ks-1')).toStrictEqual(foldOf(await plain.history('ks-1')))
    expect(problems.some((problem) => problem.kind === 'load-failed')).toBe(true)
  })

  it('snapshots of another reducer version are ignored, also when a store hands one out, and the current version is taken again', async () => {
    const { service, plain, snapshotStore, database, problems, clock } = setup({ every: 3 })
    await runLifecycle(plain, clock)
    const history = await plain.history('ks-1')
    const last = history.at(-1) as StoredEvent
    // What a library with another evolve would have saved: valid in every way but its reducer version.
    const forgedState = { ...initialState, status: 'ended' as const, agreementId: 'ks-1' }
    for (const reducerVersion of [AGREEMENT_REDUCER_VERSION - 1, AGREEMENT_REDUCER_VERSION + 1].filter((version) => version >= 1)) {
      const stateJson = JSON.stringify(forgedState)
      await snapshotStore.save('agreement-ks-1', {
        version: last.version,
        reducerVersion,
        eventHash: last.hash,
        stateDigest: snapshotDigest({ tenant: TENANT, streamId: 'agreement-ks-1', version: last.version, reducerVersion, eventHash: last.hash, stateJson }),
        state: JSON.parse(stateJson) as Snapshot['state'],
      })
    }
    expect(await service.load('ks-1')).toStrictEqual(foldOf(history))
    const retaken = (await snapshotStore.loadLatest('agreement-ks-1', { reducerVersion: AGREEMENT_REDUCER_VERSION })) as Snapshot
    expect(retaken.version).toBe(last.version)
    expect(retaken.state).toEqual(foldOf(history))
    expect(database.snapshots.get(`${TENANT}\nagreement-ks-1\n${AGREEMENT_REDUCER_VERSION + 1}`)).toBeDefined()

    // A store that ignores the reducer version it was asked for.
    const lying: SnapshotStore = { ...snapshotStore, loadLatest: async (streamId) => snapshotStore.loadLatest(streamId, { reducerVersion: AGREEMENT_REDUCER_VERSION + 1 }) }
    const fooled = createAgreementService({ store: openMemoryStore({ tenant: TENANT, database }), snapshots: { store: lying, every: 3, onProblem: (problem) => problems.push(problem) } })
    problems.length = 0
    expect(await fooled.load('ks-1')).toStrictEqual(foldOf(history))
    expect(problems).toContainEqual({ kind: 'ignored', streamId: 'agreement-ks-1', version: last.version, reason: 'reducer-version' })
  })

  it('a snapshot edited by hand, copied from another stream or pointing past the end of its stream is ignored', async () => {
    const { service, plain, snapshotStore, database, problems, clock } = setup({ every: 2 })
    await runLifecycle(service, clock, 'ks-1')
    await runLifecycle(service, clock, 'ks-2', 6)
    const key = (agreementId: string) => `${TENANT}\nagreement-${agreementId}\n${AGREEMENT_REDUCER_VERSION}`
    const expected = foldOf(await plain.history('ks-1'))

    const row = database.snapshots.get(key('ks-1'))
    if (row === undefined) throw new Error('no snapshot taken')
    const edited = JSON.parse(row.stateJson) as { status: string }
    expect(edited.status).not.toBe('ended')
    row.stateJson = JSON.stringify({ ...edited, status: 'ended' })
    problems.length = 0
    expect(await service.load('ks-1')).toStrictEqual(expected)
    expect(problems).toEqual([{ kind: 'ignored', streamId: 'agreement-ks-1', version: row.version, reason: 'state-digest' }])

    const other = database.snapshots.get(key('ks-2'))
    if (other === undefined) throw new Error('no snapshot taken')
    database.snapshots.set(key('ks-1'), { ...other })
    problems.length = 0
    expect(await service.load('ks-1')).toStrictEqual(expected)
    expect(problems).toEqual([{ kind: 'ignored', streamId: 'agreement-ks-1', version: other.version, reason: 'state-digest' }])

    const beyond = { ...other, version: 500 }
    database.snapshots.set(key('ks-1'), { ...beyond, stateDigest: snapshotDigest({ tenant: TENANT, streamId: 'agreement-ks-1', ...beyond }) })
    problems.length = 0
    expect(await service.load('ks-1')).toStrictEqual(expected)
    expect(problems).toEqual([{ kind: 'ignored', streamId: 'agreement-ks-1', version: 500, reason: 'event-missing' }])
    // Each load above folded from the start and took the snapshot again.
    expect(database.snapshots.get(key('ks-1'))?.stateJson).toBe(JSON.stringify(expected))

    const malformed = { version: 'tiga', reducerVersion: AGREEMENT_REDUCER_VERSION, eventHash: 'x', stateDigest: 'y', state: {} }
    const broken = createAgreementService({ store: openMemoryStore({ tenant: TENANT, database }), snapshots: { store: { ...snapshotStore, loadLatest: async () => malformed as never }, every: 2, onProblem: (problem) => problems.push(problem) } })
    problems.length = 0
    expect(await broken.load('ks-1')).toStrictEqual(expected)
    expect(problems).toEqual([{ kind: 'ignored', streamId: 'agreement-ks-1', version: 'tiga', reason: 'malformed' }])
  })

  it('a command with an idempotency key still returns its first result when snapshots lie past it', async () => {
    const { service, clock } = setup({ every: 2 })
    const [identify, ...rest] = agreementLifecycle('KSDPK', { agreementId: 'ks-1', start: START })
    if (identify === undefined) throw new Error('no lifecycle')
    const first = await service.execute(identify.command, { actor: identify.actor, idempotencyKey: 'perintah-1' })
    for (const step of rest.slice(0, 6)) {
      clock.set(new Date(Date.parse(START) + step.day * DAY_MS))
      await service.execute(step.command, { actor: step.actor })
    }
    const retried = await service.execute(identify.command, { actor: identify.actor, idempotencyKey: 'perintah-1' })
    expect(retried).toEqual({ ...first, duplicate: true })
  })

  it('refuses malformed snapshot options and a snapshot store of another tenant', () => {
    const store = openMemoryStore({ tenant: TENANT })
    const good = openMemorySnapshotStore({ tenant: TENANT })
    for (const snapshots of [
      { store: good, every: 0 },
      { store: good, every: 1.5 },
      { store: good, every: 2_000_000 },
      { store: good },
      { store: good, every: 10, evrey: 10 },
      { store: { tenant: TENANT, loadLatest: async () => undefined }, every: 10 },
      { store: good, every: 10, onProblem: 'console' },
      { store: openMemorySnapshotStore({ tenant: '33.06' }), every: 10 },
    ]) {
      expect(() => createAgreementService({ store, snapshots: snapshots as never }), JSON.stringify(Object.keys(snapshots))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    }
  })
})
