import { isKerjasamaError } from '@kerjasama/core'
import type { KerjasamaError } from '@kerjasama/core'
import { describe, expect, it } from 'vitest'
import { RUNNER_COLLECTIONS, buildKey, createProjectionRunner, defineProjection, readerFor } from '../../src'
import type { Projection } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { memoryStores } from './support/memoryStores'
import { writesUnindexableAt } from './support/unindexableProjection'

/** Counts like countingProjection, but throws on every event of `poisonType`. */
function poisoned(name: string, poisonType: string, message = 'apply could not read the event'): Projection {
  const counting = countingProjection({ name })
  return defineProjection({
    ...counting,
    async apply(event, tx) {
      if (event.type === poisonType) throw new Error(message)
      await counting.apply(event, tx)
    },
  })
}

async function rejection(promise: Promise<unknown>): Promise<KerjasamaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isKerjasamaError(error)) throw new Error(`expected a KerjasamaError, got ${String(error)}`)
  return error
}

async function storeWithPoisonAtFour() {
  const stores = memoryStores()
  await appendTo(stores.eventStore, ['agreement-1', 'agreement-2', 'partner-1'])
  await appendTo(stores.eventStore, ['agreement-1'], 'Broken')
  await appendTo(stores.eventStore, ['partner-1', 'agreement-2'])
  return stores
}

describe('poison events', () => {
  it('P6 a poison event stops its projection only, with a coded bilingual error naming position, stream, version and type, kept with its checkpoint; the others go on', async () => {
    const { eventStore, readModels } = await storeWithPoisonAtFour()
    const bad = poisoned('bad', 'Broken', 'secret payload text')
    const good = countingProjection({ name: 'good' })
    const runner = createProjectionRunner({ eventStore, readModels, projections: [bad, good], batchSize: 10 })
    const [badStatus, goodStatus] = await runner.catchUp()

    expect(goodStatus).toMatchObject({ state: 'caught-up', checkpoint: 6n, lastError: null })
    expect(badStatus).toMatchObject({ state: 'failed', checkpoint: 3n })
    expect(badStatus?.lastError).toEqual({
      code: 'PROJECTION_FAILED',
      message: {
        id: expect.stringContaining('berhenti pada peristiwa posisi 4 (aliran agreement-1, versi 2, jenis Broken)'),
        en: expect.stringContaining('stopped at the event at position 4 (stream agreement-1, version 2, type Broken)'),
      },
      details: expect.objectContaining({ projection: 'bad', version: 1, position: '4', checkpoint: '3', streamId: 'agreement-1', eventVersion: 2, eventType: 'Broken', causeName: 'Error' }),
    })
    // The cause's message may quote the event; it stays out of the error's text and details.
    expect(JSON.stringify(badStatus?.lastError)).not.toContain('secret payload text')
    // The events before the poison one in the same batch were committed with it.
    const events = await everyEvent(eventStore)
    expect(await documentsOf(readerFor(readModels, bad), 'counts')).toEqual(referenceCounts(events.slice(0, 3)))
    expect(await documentsOf(readerFor(readModels, good), 'counts')).toEqual(referenceCounts(events))
    const record = await readModels.get(RUNNER_COLLECTIONS.failures, buildKey('bad', { version: 1, generation: 0 }))
    expect(record).toMatchObject({ checkpoint: '3', position: '4', cause: { name: 'Error', message: 'secret payload text' } })
  })

  it('P6 nothing is skipped silently: later passes stay at the poison event, a restart retries it once and records it again', async () => {
    const { eventStore, readModels } = await storeWithPoisonAtFour()
    const bad = poisoned('bad', 'Broken')
    const runner = createProjectionRunner({ eventStore, readModels, projections: [bad], batchSize: 2 })
    await runner.catchUp()
    const [again] = await runner.catchUp()
    expect(again).toMatchObject({ state: 'failed', checkpoint: 3n })
    let applied = 0
    const counted = defineProjection({ ...bad, apply: async (event, tx) => ((applied += 1), bad.apply(event, tx)) })
    const [restarted] = await createProjectionRunner({ eventStore, readModels, projections: [counted], batchSize: 2 }).catchUp()
    expect(restarted).toMatchObject({ state: 'failed', checkpoint: 3n })
    expect(applied).toBeGreaterThan(0)
  })

  it('P6 a fixed projection (same version, new code) passes the event after a restart and the failure record goes', async () => {
    const { eventStore, readModels } = await storeWithPoisonAtFour()
    await createProjectionRunner({ eventStore, readModels, projections: [poisoned('counts', 'Broken')] }).catchUp()
    const [fixed] = await createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] }).catchUp()
    expect(fixed).toMatchObject({ state: 'caught-up', checkpoint: 6n, lastError: null })
    expect(await readModels.get(RUNNER_COLLECTIONS.failures, buildKey('counts', { version: 1, generation: 0 }))).toBeUndefined()
    expect(await documentsOf(readerFor(readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })

  it('P6 a bad document written by apply is a poison event too, not a store failure', async () => {
    const { eventStore, readModels } = await storeWithPoisonAtFour()
    const writesBadDocument = defineProjection({ name: 'bad-doc', version: 1, apply: async (_event, tx) => tx.put('c', 'x', { when: new Date() as unknown as string }) })
    const [status] = await createProjectionRunner({ eventStore, readModels, projections: [writesBadDocument] }).catchUp()
    expect(status).toMatchObject({ state: 'failed', checkpoint: 0n, lastError: { code: 'PROJECTION_FAILED', details: expect.objectContaining({ position: '1', causeCode: 'STORE_INPUT_INVALID' }) } })
  })

  it('P6 a document the store cannot index (a value over the key limit) is a poison event at the event that wrote it, not a store failure retried for ever', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'agreement-3'])
    const [status] = await createProjectionRunner({ eventStore, readModels, projections: [writesUnindexableAt(2n)] }).catchUp()
    expect(status).toMatchObject({ state: 'failed', checkpoint: 1n, lastError: { code: 'PROJECTION_FAILED', details: expect.objectContaining({ position: '2', causeCode: 'STORE_INPUT_INVALID' }) } })
  })

  it('P7 skip moves past the poison event only when asked, on record with reason and actor; the projection then goes on', async () => {
    const { eventStore, readModels } = await storeWithPoisonAtFour()
    const bad = poisoned('bad', 'Broken')
    const runner = createProjectionRunner({ eventStore, readModels, projections: [bad], clock: () => new Date('2026-03-01T08:00:00.000Z') })
    await runner.catchUp()
    const actor = { id: 'admin-3', role: 'tkksd' }
    const record = await runner.skip('bad', 4n, { reason: 'Peristiwa uji coba yang keliru dicatat', actor })
    expect(record).toEqual({
      projection: 'bad',
      build: { version: 1, generation: 0 },
      position: '4',
      tenant: 'default',
      streamId: 'agreement-1',
      eventVersion: 2,
      eventType: 'Broken',
      reason: 'Peristiwa uji coba yang keliru dicatat',
      actor,
      skippedAt: '2026-03-01T08:00:00.000Z',
    })
    const [status] = await runner.catchUp()
    expect(status).toMatchObject({ state: 'caught-up', checkpoint: 6n, lastError: null })
    const events = await everyEvent(eventStore)
    expect(await documentsOf(readerFor(readModels, bad), 'counts')).toEqual(referenceCounts(events.filter((event) => event.position !== 4n)))
    expect(await runner.skips('bad')).toEqual([record])
  })

  it('P7 skip is refused, and nothing moves, for any event but the one the projection stopped at, or when it has not stopped', async () => {
    const { eventStore, readModels } = await storeWithPoisonAtFour()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [poisoned('bad', 'Broken'), countingProjection({ name: 'good' })] })
    await runner.catchUp()
    const options = { reason: 'coba', actor: { id: 'admin-3', role: 'tkksd' } }
    const wrong = await rejection(runner.skip('bad', 5n, options))
    expect(wrong).toMatchObject({ code: 'PROJECTION_SKIP_REFUSED', details: { projection: 'bad', position: '5', failedPosition: '4' } })
    expect(wrong.localized.id).toContain('posisi 4, bukan 5')
    expect(await rejection(runner.skip('good', 4n, options))).toMatchObject({ code: 'PROJECTION_SKIP_REFUSED', details: { failedPosition: null } })
    expect(await rejection(runner.skip('nobody', 4n, options))).toMatchObject({ code: 'PROJECTION_UNKNOWN' })
    expect(await rejection(runner.skip('bad', 4n, { reason: '', actor: options.actor }))).toMatchObject({ code: 'VALIDATION_FAILED' })
    const [bad] = await runner.status()
    expect(bad).toMatchObject({ state: 'failed', checkpoint: 3n })
    expect(await runner.skips('bad')).toEqual([])
  })

  it('P14 a store failure inside apply is no poison event: nothing is recorded and the next pass applies the batch', async () => {
    const { eventStore, readModels } = memoryStores()
    // A pass from checkpoint 0 knows the documents it has not written are absent and reads none of them; the read that fails must reach the store.
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'partner-1'])
    await createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] }).catchUp()
    await appendTo(eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    let failNextRead = true
    const flaky = {
      ...readModels,
      transaction: <T>(projection: string, work: Parameters<typeof readModels.transaction<T>>[1]) =>
        readModels.transaction(projection, (tx) =>
          work({
            ...tx,
            get: async (collection, id) => {
              if (failNextRead && collection.includes('@')) {
                failNextRead = false
                const { StoreUnavailable } = await import('@kerjasama/core')
                throw new StoreUnavailable('readModel.get')
              }
              return tx.get(collection, id)
            },
          }),
        ),
    }
    const runner = createProjectionRunner({ eventStore, readModels: flaky, projections: [countingProjection()] })
    const [first] = await runner.catchUp()
    expect(first).toMatchObject({ state: 'stopped', checkpoint: 3n, lastError: { code: 'STORE_UNAVAILABLE' } })
    expect(await readModels.get(RUNNER_COLLECTIONS.failures, buildKey('counts', { version: 1, generation: 0 }))).toBeUndefined()
    const [second] = await runner.catchUp()
    expect(second).toMatchObject({ state: 'caught-up', checkpoint: 6n, lastError: null })
  })
})
