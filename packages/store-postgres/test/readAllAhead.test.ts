import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { QueryConfig } from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

type PageRead = { settled: boolean }

describe.skipIf(!postgres.available)('PostgreSQL readAll reads the next page ahead', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())
  afterEach(() => vi.restoreAllMocks())

  /** Watches the pool's read_all statements; `failAt` makes that one (counting from 1) fail. */
  function watchPageReads(failAt?: number): PageRead[] {
    const pool = stores.schema().pool
    const query = pool.query.bind(pool) as (config: QueryConfig) => Promise<unknown>
    const reads: PageRead[] = []
    vi.spyOn(pool, 'query').mockImplementation(((config: QueryConfig) => {
      if (typeof config !== 'object' || !config.text.includes('read_all(')) return query(config)
      const read: PageRead = { settled: false }
      reads.push(read)
      const result = reads.length === failAt ? Promise.reject(Object.assign(new Error('terminating connection'), { code: '57P01', severity: 'FATAL' })) : query(config)
      return result.finally(() => (read.settled = true))
    }) as never)
    return reads
  }

  async function appendEvents(tenant: string, count: number): Promise<void> {
    const store = await stores.open({ tenant })
    await store.append(`agreement-${tenant}`, Array.from({ length: count }, (_, n) => event(`E${n}`)), { expectedVersion: 'none' })
  }

  it('asks for the next page while the caller still works through the first, and reads no page more than before', async () => {
    await appendEvents('ahead', 10)
    const store = await stores.open({ tenant: 'ahead' })
    const reads = watchPageReads()
    const events = store.readAll({ batchSize: 3 })[Symbol.asyncIterator]()
    const first = await events.next()
    expect(first.value?.type).toBe('E0')
    expect(reads).toHaveLength(2)
    const rest: string[] = []
    for (let next = await events.next(); next.done !== true; next = await events.next()) rest.push(next.value.type)
    expect(rest).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'])
    // Pages of 3, 3, 3 and 1: the short page is the last, as without reading ahead.
    expect(reads).toHaveLength(4)
  })

  it('leaves no page read running once a caller stops early', async () => {
    await appendEvents('stops', 7)
    const store = await stores.open({ tenant: 'stops' })
    const reads = watchPageReads()
    for await (const stored of store.readAll({ batchSize: 3 })) {
      expect(stored.type).toBe('E0')
      break
    }
    expect(reads).toHaveLength(2)
    expect(reads.every((read) => read.settled)).toBe(true)
  })

  it('reports a failed read ahead when the caller reaches that page, after every event before it', async () => {
    await appendEvents('fails', 7)
    const store = await stores.open({ tenant: 'fails' })
    watchPageReads(2)
    const delivered: string[] = []
    const reading = (async () => {
      for await (const stored of store.readAll({ batchSize: 3 })) delivered.push(stored.type)
    })()
    await expect(reading).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    expect(delivered).toEqual(['E0', 'E1', 'E2'])
    vi.restoreAllMocks()
    expect((await collect(store.readAll({ batchSize: 3 }))).map((stored) => stored.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6'])
  })
})
