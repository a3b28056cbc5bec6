import { describe, expect, it } from 'vitest'
import type { ReadModelStore } from '@kerjasama/core'
import { createMemoryDatabase, openMemoryReadModelStore } from '@kerjasama/store-memory'
import { createProjectionRunner, readerFor } from '../../src'
import { LeaseKeeper } from '../../src/runner/lease'
import { countingProjection, documentsOf } from './support/countingProjection'
import { appendTo } from './support/events'
import { crashingReadModels } from './support/faultyReadModels'
import { memoryStores } from './support/memoryStores'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Notes which holder committed each batch of a build. */
function recordingCommits(store: ReadModelStore, holder: string, commits: string[]): ReadModelStore {
  return {
    ...store,
    transaction: async (key, work) => {
      const result = await store.transaction(key, work)
      if (/@\d+\.\d+$/.test(key)) commits.push(holder)
      return result
    },
  }
}

describe('LeaseKeeper', () => {
  it('P8 holds a lease only while its last renewal is younger than the time to live, and the heartbeat renews it', async () => {
    const readModels = openMemoryReadModelStore()
    let now = 1_000
    const keeper = new LeaseKeeper(readModels, 'a', 90, () => now)
    expect(await keeper.acquire('counts')).toBe(true)
    expect(keeper.holds('counts')).toBe(true)
    now += 90
    // The runner's clock says the lease ran out without a renewal: it stops acting as the holder even before the store says so.
    expect(keeper.holds('counts')).toBe(false)
    now = 1_000
    await sleep(200)
    // Heartbeats every 30 ms kept the store's lease (process clock) alive well past its 90 ms.
    expect(await readModels.leaseOf('projection:counts')).toMatchObject({ holder: 'a' })
    expect(await new LeaseKeeper(readModels, 'b', 90, () => now).acquire('counts')).toBe(false)
    await keeper.releaseAll()
    expect(await readModels.leaseOf('projection:counts')).toBeUndefined()
    expect(await new LeaseKeeper(readModels, 'b', 90, () => now).acquire('counts')).toBe(true)
  })
})

describe('one runner per projection across instances', () => {
  it('P8 of two live runners exactly one works; when the holder dies the other takes over within the lease time, and the documents equal a clean build', async () => {
    const stores = memoryStores()
    const projection = countingProjection()
    const commits: string[] = []
    const ttl = 300
    const processA = crashingReadModels(stores.again().readModels, undefined)
    const a = createProjectionRunner({ eventStore: stores.eventStore, readModels: recordingCommits(processA, 'a', commits), projections: [projection], holderId: 'a', leaseTtlMs: ttl, pollIntervalMs: 10, batchSize: 2 })
    const b = createProjectionRunner({ eventStore: stores.eventStore, readModels: recordingCommits(stores.again().readModels, 'b', commits), projections: [projection], holderId: 'b', leaseTtlMs: ttl, pollIntervalMs: 10, batchSize: 2 })
    await a.start()
    await appendTo(stores.eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    await a.waitUntilCaughtUp(3n, { timeoutMs: 5000 })
    await b.start()
    let last = 0n
    for (let round = 0; round < 5; round += 1) {
      last = await appendTo(stores.eventStore, [`agreement-${round}`, `region-${round}`])
      await sleep(15)
    }
    await a.waitUntilCaughtUp(last, { timeoutMs: 5000 })
    expect(new Set(commits)).toEqual(new Set(['a']))
    expect((await b.status())[0]).toMatchObject({ state: 'caught-up', holder: 'a' })

    processA.kill()
    const killedAt = Date.now()
    last = await appendTo(stores.eventStore, ['partner-9', 'agreement-9'])
    await b.waitUntilCaughtUp(last, { timeoutMs: 5000 })
    const takeover = Date.now() - killedAt
    // Expiry plus one standby retry (a third of the lease), with room for a busy machine.
    expect(takeover).toBeLessThan(2 * ttl)
    expect((await b.status())[0]).toMatchObject({ holder: 'b', checkpoint: last })
    // Once b had taken over, a committed nothing more.
    expect(commits.join('')).toMatch(/^a+b+$/)
    await Promise.all([a.stop(), b.stop()])

    const clean = openMemoryReadModelStore({ database: createMemoryDatabase() })
    await createProjectionRunner({ eventStore: stores.eventStore, readModels: clean, projections: [projection] }).catchUp()
    expect(await documentsOf(readerFor(stores.readModels, projection), 'counts')).toEqual(await documentsOf(readerFor(clean, projection), 'counts'))
  })

  it('P8 stop gives the lease back, so another instance need not wait for it to expire', async () => {
    const stores = memoryStores()
    const a = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [countingProjection()], holderId: 'a', leaseTtlMs: 60_000 })
    await a.start()
    await a.catchUp()
    expect(await stores.readModels.leaseOf('projection:counts')).toMatchObject({ holder: 'a' })
    await a.stop()
    expect(await stores.readModels.leaseOf('projection:counts')).toBeUndefined()
    const [status] = await createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.again().readModels, projections: [countingProjection()], holderId: 'b' }).catchUp()
    expect(status?.state).toBe('caught-up')
  })
})
