import { describe, expect, it } from 'vitest'
import { createProjectionRunner, defineProjection, readerFor } from '../../src'
import type { Projection } from '../../src'
import { countingProjection } from './support/countingProjection'
import { realAdapters } from './support/realStores'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

/** Writes a good document at every event, and at position 3 makes `write` the store must refuse. */
function refusedAtThree(write: (tx: Parameters<Projection['apply']>[1]) => Promise<void>): Projection {
  return defineProjection({
    name: 'bad-ids',
    version: 1,
    collections: { docs: { indexed: ['stream'] } },
    async apply(event, tx) {
      if (event.position === 3n) await write(tx)
      else await tx.put('docs', event.streamId, { stream: event.streamId })
    },
  })
}

const refusals: Array<[string, (tx: Parameters<Projection['apply']>[1]) => Promise<void>]> = [
  ['an empty id', (tx) => tx.put('docs', '', { stream: 'x' })],
  ['an id that is no string', (tx) => tx.put('docs', 7 as unknown as string, { stream: 'x' })],
  ['an id with a control character', (tx) => tx.put('docs', 'a\nb', { stream: 'x' })],
  ['an id over the length limit', (tx) => tx.put('docs', 'i'.repeat(201), { stream: 'x' })],
  ['a delete by an empty id', (tx) => tx.delete('docs', '')],
  ['a collection with a control character', (tx) => tx.put('do\u0001cs', 'x', { stream: 'x' })],
  ['a collection name too long once mapped to its build', (tx) => tx.put('c'.repeat(195), 'x', { stream: 'x' })],
]

describe('a write the store refuses for its id or collection', () => {
  it.each(refusals)('P6 %s is a poison event at the event that made it, the events before it committed, the others going on', async (_label, write) => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'agreement-3', 'agreement-4'])
    const bad = refusedAtThree(write)
    const runner = createProjectionRunner({ eventStore, readModels, projections: [bad, countingProjection({ name: 'good' })], batchSize: 10 })
    const [badStatus, goodStatus] = await runner.catchUp()
    expect(goodStatus).toMatchObject({ state: 'caught-up', checkpoint: 4n })
    expect(badStatus).toMatchObject({ state: 'failed', checkpoint: 2n })
    expect(badStatus?.lastError).toMatchObject({ code: 'PROJECTION_FAILED', details: expect.objectContaining({ position: '3', streamId: 'agreement-3', eventVersion: 1, eventType: 'Happened', causeCode: 'STORE_INPUT_INVALID' }) })
    expect(await readerFor(readModels, bad).get('docs', 'agreement-2')).toEqual({ stream: 'agreement-2' })
  })
})

describe.each(realAdapters('bad-ids'))('a write $name refuses for its id', (adapter) => {
  it.skipIf(!adapter.available).each(refusals.slice(0, 5))('P6 on SQLite and PostgreSQL: %s is a poison event at the event that made it', async (_label, write) => {
    const store = await adapter.open()
    await appendTo(store, ['agreement-1', 'agreement-2', 'agreement-3', 'agreement-4'])
    const bad = refusedAtThree(write)
    const [status] = await createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [bad], batchSize: 10 }).catchUp()
    expect(status).toMatchObject({ state: 'failed', checkpoint: 2n, lastError: { code: 'PROJECTION_FAILED', details: expect.objectContaining({ position: '3', causeCode: 'STORE_INPUT_INVALID' }) } })
    expect(await readerFor(store.readModels, bad).get('docs', 'agreement-2')).toEqual({ stream: 'agreement-2' })
  })
})
