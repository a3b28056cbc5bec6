import { describe, expect, it } from 'vitest'
// docs:start user-projection
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createProjectionRunner, defineProjection, readerFor } from '@kerjasama/projections'

// A region's own read model: how many monev visits each agreement has had.
const monevVisits = defineProjection({
  name: 'monev-visits',
  version: 1,
  collections: { visits: { indexed: ['tenant'] } },
  async apply(event, tx) {
    if (event.type !== 'MonevRecorded') return
    const previous = await tx.get('visits', event.streamId)
    const count = typeof previous?.count === 'number' ? previous.count : 0
    await tx.put('visits', event.streamId, { tenant: event.tenant, count: count + 1 })
  },
})

export async function example() {
  const database = createMemoryDatabase()
  const eventStore = openMemoryStore({ database, tenant: '33.05' })
  const readModels = openMemoryReadModelStore({ database, tenant: '33.05' })
  const runner = createProjectionRunner({ eventStore, readModels, projections: [monevVisits] })
  await runner.start()

  const metadata = { actor: { id: 'u-17', role: 'monev' }, correlationId: 'c-1', causationId: 'c-1', recordedAt: '2026-05-04T02:00:00.000Z' }
  const { lastPosition } = await eventStore.append('agreement-01J0', [{ type: 'MonevRecorded', schemaVersion: 1, data: {}, metadata }], { expectedVersion: 'any' })
  // Read your own write: wait until the projection has committed it.
  await runner.waitUntilCaughtUp(lastPosition, { timeoutMs: 2000 })

  const page = await readerFor(readModels, monevVisits).query('visits', { where: { tenant: '33.05' } })
  await runner.stop()
  return page.items // [{ id: 'agreement-01J0', document: { tenant: '33.05', count: 1 } }]
}
// docs:end

describe('the user projection example of docs/projections.md', () => {
  it('P9 runs as the docs show: a region\'s own read model, read through readerFor after waitUntilCaughtUp', async () => {
    expect(await example()).toEqual([{ id: 'agreement-01J0', document: { tenant: '33.05', count: 1 } }])
  })
})
