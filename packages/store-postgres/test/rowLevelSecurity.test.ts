import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL tenancy is enforced by row-level security', () => {
  beforeAll(async () => {
    stores.setup()
    const a = await stores.open({ tenant: '33.05' })
    const b = await stores.open({ tenant: '33.06' })
    await a.append('agreement-kebumen', [event('CooperationIdentified')], { expectedVersion: 'none' })
    await b.append('agreement-purworejo', [event('CooperationIdentified')], { expectedVersion: 'none' })
    for (const store of [a, b]) {
      await store.readModels.declareCollections({ agreements: { indexed: ['name'] } })
      await store.readModels.acquireLease('projection:register', 'instance-1', 60_000)
      await store.snapshots.save('agreement-shared', { version: 1, reducerVersion: 1, eventHash: '0'.repeat(64), stateDigest: '1'.repeat(64), state: { tenant: store.tenant } })
    }
    await a.readModels.transaction('register', async (tx) => tx.put('agreements', 'kebumen', { name: 'gula merah' }))
    await b.readModels.transaction('register', async (tx) => tx.put('agreements', 'purworejo', { name: 'durian' }))
  })
  afterAll(() => stores.teardown())

  /** A raw query with no WHERE clause, run as the store's app role with one tenant's settings. */
  async function asAppRole<T extends object>(readTenants: string, writeTenant: string, sql: string): Promise<T[] | Error> {
    const { pool, schema } = stores.schema()
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query(`set local role "${schema}_app"`)
      await client.query(`select set_config('kerjasama.read_tenants', $1, true), set_config('kerjasama.write_tenant', $2, true)`, [readTenants, writeTenant])
      return (await client.query<T>(sql.replaceAll('$schema', `"${schema}"`))).rows
    } catch (error) {
      return error as Error
    } finally {
      await client.query('rollback').catch(() => undefined)
      client.release()
    }
  }

  it('a query without a WHERE clause under tenant A sees only A, in every table', async () => {
    for (const table of ['events', 'streams', 'documents', 'checkpoints', 'collections', 'document_index', 'leases', 'snapshots']) {
      const rows = await asAppRole<{ tenant: string }>('33.05', '33.05', `select distinct tenant from $schema.${table}`)
      expect(rows, table).toEqual([{ tenant: '33.05' }])
    }
  })

  it('a reader granted two tenants sees both, and no setting at all sees nothing', async () => {
    const both = await asAppRole<{ tenant: string }>('33.05\u001f33.06', '33.05', 'select distinct tenant from $schema.events order by tenant')
    expect(both).toEqual([{ tenant: '33.05' }, { tenant: '33.06' }])
    const { pool, schema } = stores.schema()
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query(`set local role "${schema}_app"`)
      expect((await client.query(`select * from "${schema}".events`)).rows).toEqual([])
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('the database refuses a write into another tenant, even when the app asks for it', async () => {
    const insert = await asAppRole('33.05', '33.05', `insert into $schema.streams (tenant, stream_id, version, last_hash) values ('33.06', 'agreement-x', 0, 'x')`)
    expect(insert).toBeInstanceOf(Error)
    expect((insert as Error & { code?: string }).code).toBe('42501')
    const update = await asAppRole<{ tenant: string }>('33.05\u001f33.06', '33.05', `update $schema.documents set document = '{}' returning tenant`)
    expect(update).toEqual([{ tenant: '33.05' }])
  })

  it('the app role cannot delete or rewrite events at all, not even its own tenant\'s', async () => {
    const deleted = await asAppRole('33.05', '33.05', 'delete from $schema.events')
    expect((deleted as Error & { code?: string }).code).toBe('42501')
    const rewritten = await asAppRole('33.05', '33.05', `update $schema.events set data = '{"rewritten":true}' where tenant = '33.05'`)
    expect((rewritten as Error & { code?: string }).code).toBe('42501')
    const truncated = await asAppRole('33.05', '33.05', 'truncate $schema.events')
    expect((truncated as Error & { code?: string }).code).toBe('42501')
  })

  it('a provincial reader granted both regions reads both through the store, and writes only its own', async () => {
    const province = await stores.open({ tenant: '33', readTenants: ['33.05', '33.06'] })
    const all = await collect(province.readAll())
    expect(all.map((e) => e.tenant).sort()).toEqual(['33.05', '33.06'])
    const written = await province.append('agreement-provinsi', [event('CooperationIdentified')], { expectedVersion: 'none' })
    const mine = await collect(province.readStream('agreement-provinsi'))
    expect(mine.map((e) => [e.tenant, e.position])).toEqual([['33', written.firstPosition]])
  })
})
