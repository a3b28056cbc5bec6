import { describe, expect, it } from 'vitest'
import { KerjasamaError } from '@kerjasama/core'
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '../src/index'

const event = { type: 'T', schemaVersion: 1, data: {}, metadata: { actor: { id: 'u', role: 'opd' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' } }

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof KerjasamaError ? error.code : 'not coded'
  }
  return undefined
}

describe('memory store options', () => {
  it('refuses malformed open options with STORE_INPUT_INVALID', () => {
    for (const options of [null, 'x', { maxEventBytes: 0 }, { maxEventBytes: 1.5 }, { tenant: '' }, { database: {} }]) {
      expect(codeOf(() => openMemoryStore(options as never))).toBe('STORE_INPUT_INVALID')
    }
    for (const options of [null, 'x', { tenant: 5 }, { database: 'db' }]) {
      expect(codeOf(() => openMemoryReadModelStore(options as never))).toBe('STORE_INPUT_INVALID')
    }
  })

  it('gives each store opened without a database its own, and shares one when given', async () => {
    const alone = openMemoryStore()
    await alone.append('s', [event], { expectedVersion: 'none' })
    expect(await count(openMemoryStore())).toBe(0)

    const database = createMemoryDatabase()
    await openMemoryStore({ database }).append('s', [event], { expectedVersion: 'none' })
    expect(await count(openMemoryStore({ database }))).toBe(1)
  })

  it('tamperForTesting refuses an event that does not exist rather than silently doing nothing', () => {
    expect(() => createMemoryDatabase().tamperForTesting({ tenant: 'default', streamId: 's', version: 1 })).toThrow(/no event/)
  })
})

async function count(store: ReturnType<typeof openMemoryStore>): Promise<number> {
  let total = 0
  for await (const _ of store.readAll()) total += 1
  return total
}
