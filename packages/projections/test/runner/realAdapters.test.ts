import { describe, expect, it } from 'vitest'
import { isKerjasamaError } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import type { ReadModelStore } from '@kerjasama/core'
import { createProjectionRunner, defineProjection, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { crashingReadModels } from './support/faultyReadModels'
import { writesUnindexableAt } from './support/unindexableProjection'
import { perStreamProjection } from './support/perStreamProjection'
import { realAdapters } from './support/realStores'

const history = Array.from({ length: 37 }, (_, n) => `${['agreement', 'partner', 'region'][n % 3]}-${n % 4}`)

describe.each(realAdapters('runner-adapters'))('the runner on $name', (adapter) => {
  const open = adapter.open

  it.skipIf(!adapter.available)('P1 on SQLite and PostgreSQL: batches, a crash after a commit and a restart give the reference fold', async () => {
    const store = await open()
    await appendTo(store, history)
    const dying = crashingReadModels(store.readModels, { transaction: 3, at: 'after' })
    await createProjectionRunner({ eventStore: store, readModels: dying, projections: [countingProjection()], batchSize: 5, leaseTtlMs: 50 })
      .catchUp()
      .catch(() => undefined)
    expect(dying.crashed()).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 60))
    const [status] = await createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [countingProjection()], batchSize: 5 }).catchUp()
    expect(status).toMatchObject({ state: 'caught-up', lastError: null })
    expect(await documentsOf(readerFor(store.readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(store)))
  })

  it.skipIf(!adapter.available)('P3 on SQLite and PostgreSQL: two runners that both believe they hold the lease never both commit a batch', async () => {
    const store = await open()
    await appendTo(store, history)
    let conflicts = 0
    const splitBrain = (): ReadModelStore => ({
      ...store.readModels,
      acquireLease: async () => true,
      transaction: (key, work) =>
        store.readModels.transaction(key, work).catch((error: unknown) => {
          if (isKerjasamaError(error) && error.code === 'PROJECTION_CONFLICT') conflicts += 1
          throw error
        }),
    })
    const runners = ['a', 'b'].map((holderId) => createProjectionRunner({ eventStore: store, readModels: splitBrain(), projections: [countingProjection()], holderId, batchSize: 2 }))
    await Promise.all(runners.map((runner) => runner.catchUp()))
    await Promise.all(runners.map((runner) => runner.catchUp()))
    expect(conflicts).toBeGreaterThan(0)
    expect(await documentsOf(readerFor(store.readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(store)))
  })

  it.skipIf(!adapter.available)('P6 on SQLite and PostgreSQL: a poison event stops its projection with its failure record, and a recorded skip moves it on', async () => {
    const store = await open()
    await appendTo(store, ['agreement-1', 'partner-1'])
    const poison = await appendTo(store, ['agreement-1'], 'Broken')
    await appendTo(store, ['region-1'])
    const bad = defineProjection({ ...countingProjection(), apply: async (event, tx) => (event.type === 'Broken' ? Promise.reject(new Error('no')) : countingProjection().apply(event, tx)) })
    const runner = createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [bad, countingProjection({ name: 'good' })] })
    const [failed, good] = await runner.catchUp()
    expect(failed).toMatchObject({ state: 'failed', checkpoint: poison - 1n, lastError: { code: 'PROJECTION_FAILED', details: { position: String(poison), eventType: 'Broken' } } })
    expect(good).toMatchObject({ state: 'caught-up' })
    await runner.skip('counts', poison, { reason: 'uji', actor: { id: 'admin-1', role: 'tkksd' } })
    const [resumed] = await runner.catchUp()
    expect(resumed).toMatchObject({ state: 'caught-up', lastError: null })
    expect(await runner.skips('counts')).toMatchObject([{ position: String(poison), reason: 'uji' }])
  })

  it.skipIf(!adapter.available)('P6 on SQLite and PostgreSQL: a document the store cannot index is a poison event at the event that wrote it, the events before it committed', async () => {
    const store = await open()
    await appendTo(store, ['agreement-1', 'agreement-2', 'agreement-3'])
    const [status] = await createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [writesUnindexableAt(2n)] }).catchUp()
    expect(status).toMatchObject({ state: 'failed', checkpoint: 1n, lastError: { code: 'PROJECTION_FAILED', details: expect.objectContaining({ position: '2', causeCode: 'STORE_INPUT_INVALID' }) } })
  })

  it.skipIf(!adapter.available)('P9 on SQLite and PostgreSQL: a version bump builds beside the old version and switches to it once caught up', async () => {
    const store = await open()
    await appendTo(store, history)
    await createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [countingProjection()] }).catchUp()
    const [status] = await createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [countingProjection({ version: 2 })], batchSize: 7 }).catchUp()
    expect(status).toMatchObject({ state: 'caught-up', active: { version: 2, generation: 0 }, rebuild: null })
    expect(await documentsOf(readerFor(store.readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(store)))
    // The old build is still there, untouched, for any reader that resolved it before the switch.
    expect(await store.readModels.getCheckpoint('counts@1.0')).toBe((await everyEvent(store)).at(-1)?.position)
  })

  it.skipIf(!adapter.available)('P5 on SQLite and PostgreSQL: a live runner makes an append readable within waitUntilCaughtUp', async () => {
    const store = await open()
    const runner = createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [countingProjection()], pollIntervalMs: 50 })
    await runner.start()
    const position = await appendTo(store, ['agreement-1', 'partner-1'])
    await runner.waitUntilCaughtUp(position, { timeoutMs: 10_000 })
    expect(await readerFor(store.readModels, countingProjection()).get('counts', 'partner')).toMatchObject({ events: 1 })
    await runner.stop()
  })

  it.skipIf(!adapter.available)('P15 on SQLite and PostgreSQL: the build a switch replaced is deleted after the grace, its index entries with it, and the active build stays whole', async () => {
    const store = await open()
    await appendTo(store, Array.from({ length: 300 }, (_, n) => `${n % 3 === 0 ? 'agreement' : 'partner'}-${n}`))
    const time = testClock('2026-12-01T00:00:00.000Z')
    const options = { eventStore: store, readModels: store.readModels, clock: time, retiredBuildGraceMs: 1000 }
    await createProjectionRunner({ ...options, projections: [perStreamProjection(1)] }).catchUp()
    await createProjectionRunner({ ...options, projections: [perStreamProjection(2)] }).catchUp()
    expect((await store.readModels.query('per-stream@1.0/streams', { where: { kind: 'agreement' }, limit: 500 })).items).toHaveLength(100)
    time.advance({ ms: 1000 })
    await createProjectionRunner({ ...options, projections: [perStreamProjection(2)] }).catchUp()
    expect((await store.readModels.query('per-stream@1.0/streams', { where: { kind: 'agreement' }, limit: 500 })).items).toEqual([])
    expect(await documentsOf(store.readModels, 'per-stream@1.0/streams')).toEqual({})
    expect(await documentsOf(store.readModels, 'per-stream@1.0/stream-fold')).toEqual({})
    const reader = readerFor(store.readModels, perStreamProjection(2))
    expect((await reader.query('streams', { where: { kind: 'agreement' }, limit: 500 })).items).toHaveLength(100)
    expect(Object.keys(await documentsOf(reader, 'stream-fold'))).toHaveLength(300)
  })
})
