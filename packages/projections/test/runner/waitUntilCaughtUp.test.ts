import { describe, expect, it } from 'vitest'
import { createProjectionRunner, defineProjection } from '../../src'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('waitUntilCaughtUp', () => {
  it('P5 resolves at once when the position is already committed, even with no time to wait', async () => {
    const { eventStore, readModels } = memoryStores()
    const position = await appendTo(eventStore, ['agreement-1', 'partner-1'])
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] })
    await runner.catchUp()
    await runner.waitUntilCaughtUp(position, { timeoutMs: 0 })
    await runner.waitUntilCaughtUp(0n, { timeoutMs: 0 })
  })

  it('P5 gives up with a coded, bilingual PROJECTION_CATCH_UP_TIMEOUT naming the projections behind', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1'])
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], pollIntervalMs: 10 })
    await runner.catchUp()
    const position = await appendTo(eventStore, ['agreement-2'])
    const started = Date.now()
    const error = await runner.waitUntilCaughtUp(position, { timeoutMs: 50 }).catch((caught: unknown) => caught)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(error).toMatchObject({
      code: 'PROJECTION_CATCH_UP_TIMEOUT',
      localized: { id: 'Dalam 50 ms, proyeksi counts belum mencapai posisi 2; data yang ditampilkan mungkin belum memuat perubahan terakhir', en: expect.stringContaining('had not reached position 2') },
      details: { position: '2', timeoutMs: 50, behind: [{ projection: 'counts', checkpoint: '1' }] },
    })
  })

  it('P5 read-your-writes against a live runner: resolves once the append is projected', async () => {
    const { eventStore, readModels } = memoryStores()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], pollIntervalMs: 10 })
    await runner.start()
    const position = await appendTo(eventStore, ['agreement-1', 'agreement-2', 'partner-1'])
    await runner.waitUntilCaughtUp(position, { timeoutMs: 5000 })
    expect(await readModels.get('counts@1.0/counts', 'agreement')).toMatchObject({ events: 2 })
    await runner.stop()
  })

  it('P5 works from an instance that is not the holder: it watches the stored checkpoints', async () => {
    const stores = memoryStores()
    const holder = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [countingProjection()], holderId: 'a', pollIntervalMs: 10 })
    const reader = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.again().readModels, projections: [countingProjection()], holderId: 'b', pollIntervalMs: 10 })
    await holder.start()
    const position = await appendTo(stores.eventStore, ['agreement-1', 'partner-1'])
    await reader.waitUntilCaughtUp(position, { timeoutMs: 5000 })
    await holder.stop()
  })

  it('P5 rejects with the projection\'s PROJECTION_FAILED, rather than waiting, when it stopped below the position', async () => {
    const { eventStore, readModels } = memoryStores()
    const position = await appendTo(eventStore, ['agreement-1', 'partner-1'])
    const throwsOnPartners = defineProjection({ ...countingProjection(), apply: async (event) => { if (event.streamId.startsWith('partner')) throw new Error('no') } })
    const runner = createProjectionRunner({ eventStore, readModels, projections: [throwsOnPartners, countingProjection({ name: 'fine' })] })
    await runner.catchUp()
    await expect(runner.waitUntilCaughtUp(position, { timeoutMs: 5000 })).rejects.toMatchObject({ code: 'PROJECTION_FAILED', details: { projection: 'counts', position: '2' } })
    // Waiting only for the healthy projection is fine.
    await runner.waitUntilCaughtUp(position, { timeoutMs: 0, projections: ['fine'] })
  })

  it('P5 refuses a position that is no non-negative bigint, bad options and unknown projections', async () => {
    const { eventStore, readModels } = memoryStores()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] })
    await expect(runner.waitUntilCaughtUp(-1n, { timeoutMs: 10 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(runner.waitUntilCaughtUp(3 as unknown as bigint, { timeoutMs: 10 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(runner.waitUntilCaughtUp(1n, { timeoutMs: -5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(runner.waitUntilCaughtUp(1n, { timeoutMs: 10, projections: ['nope'] })).rejects.toMatchObject({ code: 'PROJECTION_UNKNOWN' })
  })
})
