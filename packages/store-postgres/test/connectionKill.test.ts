import { StoreUnavailable } from '@kerjasama/core'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL connection killed in the middle of an append', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('surfaces as STORE_UNAVAILABLE, leaves nothing behind, and a retry with the same key appends exactly once', async () => {
    const { schema } = stores.schema()
    const store = await stores.open({ tenant: 'kill' })
    await store.append('agreement-other', [event('Before')], { expectedVersion: 'none' })

    // The blocker holds an uncommitted row with the version the append will
    // insert, so the append stops inside append_events after it has claimed
    // its idempotency key, created the stream row and taken a position.
    const blocker = new pg.Client()
    await blocker.connect()
    await blocker.query('begin')
    await blocker.query(
      `insert into "${schema}".events (position, tenant, stream_id, version, event_id, type, schema_version, data, metadata, hash)
       values (-1, 'kill', 'agreement-kill', 1, 'blocker', 'Blocker', 1, '{}', '{}', 'x')`,
    )
    const killer = new pg.Client()
    await killer.connect()
    try {
      const appending = store.append('agreement-kill', [event('Killed')], { expectedVersion: 'none', idempotencyKey: 'kill-1' }).catch((e: unknown) => e)
      let pid: number | undefined
      while (pid === undefined) {
        const waiting = await killer.query<{ pid: number }>(
          `select pid from pg_stat_activity where wait_event_type = 'Lock' and query like $1 and pid <> pg_backend_pid()`,
          [`%"${schema}".append_events%`],
        )
        pid = waiting.rows[0]?.pid
        if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 10))
      }
      await killer.query('select pg_terminate_backend($1)', [pid])
      const error = await appending
      expect(error).toBeInstanceOf(StoreUnavailable)
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { operation: 'append' } })
      expect(String((error as Error).message)).not.toContain('select')
    } finally {
      await blocker.query('rollback')
      await blocker.end()
      await killer.end()
    }

    // All or nothing: no event, no stream version, no spent idempotency key.
    expect(await collect(store.readStream('agreement-kill'))).toEqual([])
    expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['Before'])
    const retried = await store.append('agreement-kill', [event('Killed')], { expectedVersion: 'none', idempotencyKey: 'kill-1' })
    expect(retried).toMatchObject({ duplicate: false, nextExpectedVersion: 1 })
    const again = await store.append('agreement-kill', [event('Killed')], { expectedVersion: 'none', idempotencyKey: 'kill-1' })
    expect(again).toEqual({ ...retried, duplicate: true })
    expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['Before', 'Killed'])
    expect((await store.verify()).ok).toBe(true)
  })

  it('an unreachable server is STORE_UNAVAILABLE when opening, without SQL in the message', async () => {
    const error = await import('@kerjasama/store-postgres')
      .then(({ openPostgresStore }) => openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/none', schema: 'unreachable' }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreUnavailable)
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { operation: 'open' } })
  })
})
