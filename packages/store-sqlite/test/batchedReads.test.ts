import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openSqliteStore } from '../src/index'
import { events } from './support/sampleEvent'

// better-sqlite3 statements share one prototype; spying on it shows how many
// rows each round trip materialises, which is what a reader holds in memory.
const statementPrototype = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as { all: (...args: unknown[]) => unknown[] }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('readAll reads in batches', () => {
  it('fetches at most batchSize rows per round trip, lazily, as the reader advances', async () => {
    const store = openSqliteStore({ file: ':memory:' })
    for (let index = 0; index < 20; index += 1) await store.append(`s-${index % 3}`, events(50), { expectedVersion: 'any' })
    const fetched: number[] = []
    const all = statementPrototype.all
    vi.spyOn(statementPrototype, 'all').mockImplementation(function (this: unknown, ...args: unknown[]) {
      const rows = all.apply(this, args)
      fetched.push(rows.length)
      return rows
    })
    let read = 0
    for await (const _ of store.readAll({ batchSize: 128 })) {
      read += 1
      // Fetches happen only when the previous batch is used up.
      expect(fetched.length).toBe(Math.ceil(read / 128))
    }
    expect(read).toBe(1000)
    expect(Math.max(...fetched)).toBe(128)
    expect(fetched).toHaveLength(8)
    await store.close()
  })

  it('a reader can stop early, and events committed while it reads are picked up by its next batch', async () => {
    const store = openSqliteStore({ file: ':memory:' })
    await store.append('s', events(4), { expectedVersion: 'none' })
    const seen: number[] = []
    for await (const stored of store.readAll({ batchSize: 2 })) {
      seen.push(stored.version)
      // An implementation that loaded everything up front would miss these.
      if (stored.version === 1) await store.append('s', events(2), { expectedVersion: 4 })
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6])

    const early: number[] = []
    for await (const stored of store.readAll({ batchSize: 2 })) {
      early.push(stored.version)
      if (early.length === 3) break
    }
    expect(early).toEqual([1, 2, 3])
    // Stopping left no cursor open: the connection still writes.
    await store.append('s', events(1), { expectedVersion: 6 })
    await store.close()
  })

  it('a 10,000-event stream is read back whole and in order through readStream pages', async () => {
    const store = openSqliteStore({ file: ':memory:' })
    for (let index = 0; index < 10; index += 1) await store.append('big', events(1000), { expectedVersion: index * 1000 })
    let expected = 1
    for await (const stored of store.readStream('big')) {
      expect(stored.version).toBe(expected)
      expected += 1
    }
    expect(expected).toBe(10_001)
    await store.close()
  })
})
