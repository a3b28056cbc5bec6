import type { StoredEvent } from '@kerjasama/core'
import { openPostgresStore } from '@kerjasama/store-postgres'
import type { PostgresStore } from '@kerjasama/store-postgres'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL readAll never skips a late commit (R5)', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  /** Starts an append on its own connection and leaves its transaction open, holding a position. */
  async function holdAppendOpen(tenant: string, streamId: string): Promise<{ position: bigint; commit(): Promise<void>; rollback(): Promise<void> }> {
    const client = new pg.Client()
    await client.connect()
    await client.query('begin')
    const metadata = JSON.stringify(event('Held').metadata)
    const result = await client.query<{ last_position: string }>(
      `select last_position from "${stores.schema().schema}".append_events($1, $2, 'any', null, array[$3], array['Held'], array[1], array['{}'], array[$4], true)`,
      [tenant, streamId, `held-${streamId}`, metadata],
    )
    const finish = async (command: string): Promise<void> => {
      await client.query(command)
      await client.end()
    }
    return { position: BigInt(result.rows[0]?.last_position ?? '0'), commit: () => finish('commit'), rollback: () => finish('rollback') }
  }

  it('withholds a later commit while a lower position is in flight, then skips the gap once that append rolls back', async () => {
    const store = await stores.open({ tenant: 'gap', settleTimeoutMs: 100 })
    const before = await store.append('agreement-before', [event('Before')], { expectedVersion: 'none' })
    const held = await holdAppendOpen('gap', 'agreement-held')
    const later = await store.append('agreement-later', [event('Later')], { expectedVersion: 'none' })
    expect(later.firstPosition).toBeGreaterThan(held.position)

    const whileHeld = await collect(store.readAll({ fromPosition: before.firstPosition }))
    expect(whileHeld.map((e) => e.type)).toEqual(['Before'])

    await held.rollback()
    const afterRollback = await collect(store.readAll({ fromPosition: before.firstPosition }))
    expect(afterRollback.map((e) => [e.type, e.position])).toEqual([
      ['Before', before.firstPosition],
      ['Later', later.firstPosition],
    ])
  })

  it('delivers the late commit before the later one once it commits', async () => {
    const store = await stores.open({ tenant: 'late', settleTimeoutMs: 100 })
    const held = await holdAppendOpen('late', 'agreement-late-held')
    const later = await store.append('agreement-late-later', [event('Later')], { expectedVersion: 'none' })
    expect(await collect(store.readAll({ fromPosition: held.position }))).toEqual([])
    await held.commit()
    const read = await collect(store.readAll({ fromPosition: held.position }))
    expect(read.map((e) => [e.type, e.position])).toEqual([
      ['Held', held.position],
      ['Later', later.firstPosition],
    ])
  })

  it('a transaction writing to events outside append_events (an UPDATE left open in psql) makes readAll end for now, not skip', async () => {
    const store = await stores.open({ tenant: 'foreign', settleTimeoutMs: 50 })
    const written = await store.append('agreement-foreign', [event('Written')], { expectedVersion: 'none' })
    const psql = new pg.Client()
    await psql.connect()
    try {
      await psql.query('begin')
      await psql.query(`update "${stores.schema().schema}".events set type = type where position = -1`)
      // It posted no position bound, so it might own any position: nothing is settled while it is open.
      expect(await collect(store.readAll({ fromPosition: written.firstPosition }))).toEqual([])
    } finally {
      await psql.query('rollback')
      await psql.end()
    }
    expect((await collect(store.readAll({ fromPosition: written.firstPosition }))).map((e) => e.type)).toEqual(['Written'])
  })

  it('a reader tailing readAll while 8 writers on separate connections commit (some rolling back) sees every committed event once, in order', async () => {
    const writers = 8
    const appendsPerWriter = 15
    const schema = stores.schema().schema
    const writerStores: PostgresStore[] = []
    for (let i = 0; i < writers; i += 1) writerStores.push(await openPostgresStore({ schema, tenant: 'busy', poolSize: 1 }))
    const reader = await openPostgresStore({ schema, tenant: 'busy', poolSize: 2 })
    try {
      const committed = new Set<string>()
      let running = true
      const writing = Promise.all(
        writerStores.map(async (writer, w) => {
          for (let n = 0; n < appendsPerWriter; n += 1) {
            const streamId = `agreement-w${w}-${n % 3}`
            const id = `w${w}-e${n}`
            const events = [{ ...event('Written', { w, n }), id }]
            // Every fourth append reuses an event id and fails after taking its
            // position, leaving a permanent hole the reader must skip.
            if (n % 4 === 3) events.push({ ...event('Duplicate'), id: `w${w}-e0` })
            try {
              await writer.append(streamId, events, { expectedVersion: 'any' })
              committed.add(id)
            } catch {
              // the failed append wrote nothing; the reader must not wait for it forever
            }
          }
        }),
      ).finally(() => {
        running = false
      })

      const seen: StoredEvent[] = []
      let next = 1n
      let idle = 0
      while (running || idle < 50) {
        let got = 0
        for await (const stored of reader.readAll({ fromPosition: next, batchSize: 7 })) {
          seen.push(stored)
          next = stored.position + 1n
          got += 1
        }
        idle = running || got > 0 ? 0 : idle + 1
        if (!running && seen.length === committed.size) break
        await reader.waitForChange({ timeoutMs: 20 })
      }
      await writing

      const positions = seen.map((e) => e.position)
      for (let i = 1; i < positions.length; i += 1) expect(positions[i] as bigint).toBeGreaterThan(positions[i - 1] as bigint)
      expect(seen.map((e) => e.id).sort()).toEqual([...committed].sort())
      expect(committed.size).toBeGreaterThan(writers * appendsPerWriter * 0.5)
    } finally {
      await Promise.all([...writerStores, reader].map((s) => s.close()))
    }
  })
})
