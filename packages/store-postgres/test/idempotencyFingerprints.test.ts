import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionsV1 } from '../src/functionsV1'
import { readModelFunctionsV1 } from '../src/readModelFunctionsV1'
import { schemaNames } from '../src/schemaName'
import { schemaV1 } from '../src/schemaV1'
import { schemaV2 } from '../src/schemaV2'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL idempotency fingerprints (migration 3)', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('a schema at migration 2 is migrated in place: a key recorded before keeps returning its first result, keys recorded after are checked', async () => {
    const { pool, schema } = stores.schema()
    const names = schemaNames(schema)
    // The schema as the previous release left it, with one keyed append made through its ten-argument function.
    await pool.query(`create schema "${schema}"`)
    await pool.query(`create table ${names.q('migrations')} (version integer primary key, applied_at timestamptz not null default now())`)
    for (const statement of [...schemaV1(names), ...functionsV1(names), ...readModelFunctionsV1(names), ...schemaV2(names)]) await pool.query(statement)
    await pool.query(`insert into ${names.q('migrations')} (version) values (1), (2)`)
    const legacy = await pool.query<{ first_position: string }>(
      `select first_position from ${names.q('append_events')}('33.05', 'agreement-old', 'none', 'old-key', array['e-old'], array['Old'], array[1], array['{"n":1}'], array['{}'], false)`,
    )

    const store = await stores.open({ tenant: '33.05' })
    const again = await store.append('agreement-other', [event('Other', { n: 2 })], { expectedVersion: 'any', idempotencyKey: 'old-key' })
    expect(again).toMatchObject({ streamId: 'agreement-old', firstPosition: BigInt(legacy.rows[0]?.first_position ?? -1), duplicate: true })

    await store.append('agreement-new', [event('New')], { expectedVersion: 'none', idempotencyKey: 'new-key' })
    await expect(store.append('agreement-new', [event('New', { n: 9 })], { expectedVersion: 'any', idempotencyKey: 'new-key' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { idempotencyKey: 'new-key' },
    })
    const fingerprints = await pool.query<{ key: string; fingerprint: string | null }>(`select key, fingerprint from ${names.q('idempotency_keys')} order by key`)
    expect(fingerprints.rows.map((row) => [row.key, row.fingerprint === null ? null : row.fingerprint.length])).toEqual([
      ['new-key', 64],
      ['old-key', null],
    ])
    expect((await collect(store.readAll())).map((stored) => stored.streamId)).toEqual(['agreement-old', 'agreement-new'])
  })

  it('a caller passing no fingerprint (a library from before migration 3, during an upgrade) still appends and is not compared', async () => {
    const { pool, schema } = stores.schema()
    const store = await stores.open({ tenant: '33.06' })
    const first = await store.append('agreement-rolling', [event('First')], { expectedVersion: 'none', idempotencyKey: 'rolling-key' })
    const oldCaller = await pool.query<{ first_position: string; duplicate: boolean }>(
      `select first_position, duplicate from "${schema}".append_events('33.06', 'agreement-rolling', 'any', 'rolling-key', array['e-rolling'], array['Other'], array[1], array['{}'], array['{}'], false)`,
    )
    expect(oldCaller.rows).toEqual([{ first_position: String(first.firstPosition), duplicate: true }])
  })
})
