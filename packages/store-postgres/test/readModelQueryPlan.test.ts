import { openPostgresReadModelStore } from '@kerjasama/store-postgres'
import type { ReadModelQuery, ReadModelStore } from '@kerjasama/core'
import { planReadModelQuery } from '@kerjasama/core/adapter'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageQuery } from '../src/postgresPageQuery'
import { schemaNames } from '../src/schemaName'

const postgres = await postgresAvailability()
const TENANT = '33'
const DOCUMENTS = 5000
const REGIONS = Array.from({ length: 35 }, (_, index) => `33.${String(index + 1).padStart(2, '0')}`)
const URUSAN = ['pertanian', 'kesehatan', 'pendidikan', 'perdagangan', 'pariwisata', 'perhubungan', 'lingkungan hidup']
const STATUSES = ['identified', 'drafted', 'signed', 'evaluated', 'ended']

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] }

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)]
}

describe.skipIf(!postgres.available)('PostgreSQL read-model pages use the index (R14)', () => {
  let schema: TestSchema
  let store: ReadModelStore
  let analysedBefore: Date

  async function lastAnalysed(): Promise<Date> {
    const rows = await schema.pool.query<{ at: Date | null }>(`select last_analyze as at from pg_stat_user_tables where schemaname = $1 and relname = 'document_index'`, [schema.schema])
    return rows.rows[0]?.at ?? new Date(0)
  }

  beforeAll(async () => {
    schema = createTestSchema()
    store = await openPostgresReadModelStore({ pool: schema.pool, schema: schema.schema, tenant: TENANT })
    await store.declareCollections({ agreements: { indexed: ['region', 'status', 'urusan', 'signedOn'] } })
    // Statistics of the empty tables, as migrate or a seeding leaves them before a rebuild fills them.
    await schema.pool.query(`analyze "${schema.schema}".documents, "${schema.schema}".document_index`)
    analysedBefore = await lastAnalysed()
    for (let start = 0; start < DOCUMENTS; start += 500) {
      await store.transaction('register', async (tx) => {
        for (let n = start; n < start + 500; n += 1) {
          await tx.put('agreements', `ks-${String(n).padStart(5, '0')}`, {
            region: REGIONS[n % REGIONS.length],
            status: STATUSES[n % STATUSES.length],
            urusan: [URUSAN[n % URUSAN.length], URUSAN[(n * 3 + 1) % URUSAN.length]],
            signedOn: `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
            title: `Kerja sama ${n}`,
          })
        }
      })
    }
    // No ANALYZE here: the store refreshes the statistics itself after bulk writes (readModelStatistics.ts).
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    await schema?.cleanup()
  })

  /** EXPLAIN of exactly the statement the store runs for `query`, as the app role in the tenant's scope. */
  async function explain(query: ReadModelQuery): Promise<PlanNode[]> {
    const names = schemaNames(schema.schema)
    const plan = planReadModelQuery('agreements', query, ['region', 'signedOn', 'status', 'urusan'])
    const { text, values } = pageQuery(names, TENANT, 'agreements', plan)
    const client = await schema.pool.connect()
    try {
      await client.query('begin')
      await client.query(`select ${names.q('enter_scope')}($1, $1)`, [TENANT])
      const result = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (format json) ${text}`, values)
      return nodesOf((result.rows[0]?.['QUERY PLAN'][0] as { Plan: PlanNode }).Plan)
    } finally {
      await client.query('rollback').catch(() => undefined)
      client.release()
    }
  }

  it('R14 a bulk write refreshes the planner statistics of the read-model tables, which were of empty tables', async () => {
    expect((await lastAnalysed()).getTime()).toBeGreaterThan(analysedBefore.getTime())
    const known = await schema.pool.query<{ rows: number }>(`select reltuples::float8 as rows from pg_class where oid = to_regclass($1)`, [`"${schema.schema}".document_index`])
    expect(known.rows[0]?.rows).toBeGreaterThan(DOCUMENTS)
  })

  const indexScans = (nodes: PlanNode[]) => nodes.filter((node) => /Index( Only)? Scan/.test(node['Node Type'])).map((node) => node['Index Name'])
  const scansOf = (nodes: PlanNode[], relation: string) => nodes.filter((node) => node['Relation Name'] === relation)
  const seqScans = (nodes: PlanNode[]) => nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name'])

  it('R14 a filtered page, with or without an order, walks document_index by its primary key and reads no table whole', async () => {
    const filtered: ReadModelQuery[] = [
      { where: { region: '33.05' } },
      { where: { urusan: 'pertanian', region: '33.05' } },
      { where: { status: 'signed', region: '33.05' } },
      { where: { region: '33.05' }, orderBy: 'signedOn', direction: 'desc' },
      { orderBy: 'signedOn', range: { gte: '2025-03-01', lt: '2025-04-01' } },
    ]
    for (const query of filtered) {
      const nodes = await explain(query)
      expect(indexScans(nodes), JSON.stringify(query)).toContain('document_index_pkey')
      // Every index scan is narrowed to one condition's entries or one document; on statistics of
      // the empty tables the planner had walked the whole collection per candidate instead.
      const walksCollection = nodes.filter((node) => /Index( Only)? Scan/.test(node['Node Type']) && !/\((field|id) = /.test(node['Index Cond'] ?? ''))
      expect(walksCollection.map((node) => node['Index Name']), JSON.stringify(query)).toEqual([])
      expect(scansOf(nodes, 'documents').map((node) => node['Index Name']), JSON.stringify(query)).toEqual(['documents_pkey'])
      expect(seqScans(nodes), JSON.stringify(query)).toEqual([])
    }
    const page = await store.query('agreements', { where: { region: '33.05' }, limit: 500 })
    // Every 35th agreement, from the fifth: 143 of 5,000.
    expect(page.items.map((item) => item.id)).toHaveLength(143)
    expect(page.items.every((item) => item.document.region === '33.05')).toBe(true)
  })

  it('R14 an unfiltered page walks the documents in id order by documents_in_id_order', async () => {
    const nodes = await explain({ limit: 50 })
    expect(indexScans(nodes)).toContain('documents_in_id_order')
    expect(seqScans(nodes)).toEqual([])
    const after = (await store.query('agreements', { limit: 50 })).next
    expect(indexScans(await explain({ limit: 50, ...(after === undefined ? {} : { after }) }))).toContain('documents_in_id_order')
  })
})
