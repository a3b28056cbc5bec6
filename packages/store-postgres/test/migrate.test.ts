import { LATEST_SCHEMA_VERSION, openPostgresStore } from '@kerjasama/store-postgres'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL schema and migrations', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('several app instances starting at once migrate the schema once and all work', async () => {
    const opened = await Promise.all(Array.from({ length: 6 }, () => stores.open({ tenant: '33.05' })))
    const { pool, schema } = stores.schema()
    const versions = await pool.query<{ version: number }>(`select version from "${schema}".migrations order by version`)
    expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1))
    await Promise.all(opened.map((store, i) => store.append(`agreement-${i}`, [event('Started')], { expectedVersion: 'none' })))
    expect(await collect((opened[0] as (typeof opened)[number]).readAll())).toHaveLength(6)
    // Opening again later is a no-op on an up-to-date schema.
    await stores.open({ tenant: '33.05' })
    expect((await pool.query(`select count(*)::int as n from "${schema}".migrations`)).rows[0]).toEqual({ n: LATEST_SCHEMA_VERSION })
  })

  it('stores data and metadata as json text a person can read with psql', async () => {
    const store = await stores.open({ tenant: '33.05' })
    await store.append('agreement-psql', [event('CooperationIdentified', { potensi: 'gula merah', b: 1, a: 2 })], { expectedVersion: 'none' })
    const { pool, schema } = stores.schema()
    const row = await pool.query<{ data: string; potensi: string; type: string }>(
      `select data::text as data, data->>'potensi' as potensi, pg_typeof(data)::text as type from "${schema}".events where stream_id = 'agreement-psql'`,
    )
    expect(row.rows[0]).toEqual({ data: '{"potensi":"gula merah","b":1,"a":2}', potensi: 'gula merah', type: 'json' })
  })

  it('refuses a schema name that is not a plain identifier, before connecting', async () => {
    for (const schema of ['Kerjasama', 'a"; drop table x; --', '', 'x'.repeat(49), '1abc']) {
      await expect(openPostgresStore({ schema, connectionString: 'postgres://127.0.0.1:1/none' })).rejects.toMatchObject({ code: 'STORE_INPUT_INVALID' })
    }
  })
})
