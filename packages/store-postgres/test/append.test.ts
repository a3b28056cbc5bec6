import { ConcurrencyError } from '@kerjasama/core'
import { eventHash, GENESIS_HASH, hashInput } from '@kerjasama/core/adapter'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL append', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('appends in one call and reads the stream back with versions from 1', async () => {
    const store = await stores.open({ tenant: '33.05' })
    const first = await store.append('agreement-a1', [event('CooperationIdentified'), event('UrusanMapped')], { expectedVersion: 'none' })
    expect(first).toMatchObject({ streamId: 'agreement-a1', nextExpectedVersion: 2, duplicate: false })
    expect(first.lastPosition).toBeGreaterThan(first.firstPosition)
    const read = await collect(store.readStream('agreement-a1'))
    expect(read.map((e) => [e.version, e.type, e.tenant])).toEqual([
      [1, 'CooperationIdentified', '33.05'],
      [2, 'UrusanMapped', '33.05'],
    ])
  })

  it('refuses a stale expected version with ConcurrencyError and writes nothing', async () => {
    const store = await stores.open({ tenant: '33.05' })
    await store.append('agreement-stale', [event('A')], { expectedVersion: 'none' })
    const error = await store.append('agreement-stale', [event('B')], { expectedVersion: 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConcurrencyError)
    expect(error).toMatchObject({ code: 'STREAM_VERSION_CONFLICT', details: { actual: 1 } })
    expect(await collect(store.readStream('agreement-stale'))).toHaveLength(1)
  })

  it('computes the hash chain server-side exactly as core does, for any JSON payload', async () => {
    const store = await stores.open({ tenant: 'hash-tenant' })
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 3 }), async (payloads) => {
        n += 1
        const streamId = `agreement-hash-${n}`
        await store.append(streamId, payloads.map((data) => event('Any', data ?? null)), { expectedVersion: 'none' })
        let previous = GENESIS_HASH
        for (const stored of await collect(store.readStream(streamId))) {
          const hashable = { ...stored, dataJson: JSON.stringify(stored.data), metadataJson: JSON.stringify(stored.metadata) }
          expect(hashInput(previous, hashable).split('\n')[0]).toBe(previous)
          expect(stored.hash).toBe(eventHash(previous, hashable))
          previous = stored.hash
        }
      }),
      { numRuns: 15 },
    )
    expect((await store.verify()).ok).toBe(true)
  })

  it('returns the first result for a repeated idempotency key and writes nothing new', async () => {
    const store = await stores.open({ tenant: '33.05' })
    const first = await store.append('agreement-idem', [event('A')], { expectedVersion: 'any', idempotencyKey: 'k-1' })
    const again = await store.append('agreement-idem', [event('A')], { expectedVersion: 'any', idempotencyKey: 'k-1' })
    expect(again).toEqual({ ...first, duplicate: true })
    expect(await collect(store.readStream('agreement-idem'))).toHaveLength(1)
  })
})
