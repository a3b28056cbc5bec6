import { openPostgresReadModelStore } from '@kerjasama/store-postgres'
import type { ReadModelDocument, ReadModelStore } from '@kerjasama/core'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const postgres = await postgresAvailability()
const TENANT = '33'

// Quotes, backslashes, escapes JSON.stringify writes, and text that looks like an array literal's own syntax.
const AWKWARD: Record<string, ReadModelDocument> = {
  quotes: { title: 'Kerja sama "Jalan Tol" \\ Semarang', nested: { path: 'C:\\data\\"x"' } },
  escapes: { text: 'baris\nbaru\ttab\u0001 \u2028 é ∑ 😀', empty: '' },
  arrayLike: { text: '{"a","b"}', braces: '{}', comma: 'a,b', nul: 'NULL', list: ['{', '}', ',', '"'] },
  numbers: { small: 1e-7, big: 12345678901234567890, negative: -0.5, flags: [true, false, null] },
}

describe.skipIf(!postgres.available)('PostgreSQL read-model writes', () => {
  let schema: TestSchema
  let store: ReadModelStore

  beforeAll(async () => {
    schema = createTestSchema()
    store = await openPostgresReadModelStore({ pool: schema.pool, schema: schema.schema, tenant: TENANT })
    await store.declareCollections({ awkward: { indexed: ['text', 'title'] } })
  })
  afterAll(async () => {
    await store?.close()
    await schema?.cleanup()
  })

  it('stores the exact JSON.stringify text of every document of a batch, and reads each back equal', async () => {
    await store.transaction('writes', async (tx) => {
      for (const [id, document] of Object.entries(AWKWARD)) await tx.put('awkward', id, document)
    })
    const rows = await schema.pool.query<{ id: string; document: string }>(`select id, document::text as document from "${schema.schema}".documents where collection = 'awkward' order by id`)
    expect(Object.fromEntries(rows.rows.map((row) => [row.id, row.document]))).toEqual(Object.fromEntries(Object.entries(AWKWARD).map(([id, document]) => [id, JSON.stringify(document)])))
    for (const [id, document] of Object.entries(AWKWARD)) expect(await store.get('awkward', id)).toEqual(JSON.parse(JSON.stringify(document)))
    const found = await store.query('awkward', { where: { text: '{"a","b"}' } })
    expect(found.items.map((item) => item.id)).toEqual(['arrayLike'])
  })

  /** Each entry of a document with the physical row it is in, so a test can tell an entry kept from one written again. */
  async function entriesOf(collection: string, id: string): Promise<Map<string, string>> {
    const rows = await schema.pool.query<{ field: string; value_key: string; ctid: string }>(
      `select field, value_key, ctid::text from "${schema.schema}".document_index where collection = $1 and id = $2`,
      [collection, id],
    )
    return new Map(rows.rows.map((row) => [`${row.field}=${row.value_key}`, row.ctid]))
  }

  it('of an updated document, writes only the index entries that changed', async () => {
    await store.declareCollections({ diffed: { indexed: ['stage', 'region', 'tags'] } })
    await store.transaction('diff', async (tx) => tx.put('diffed', 'ks-1', { stage: 'drafted', region: '33.01', tags: ['a', 'b', 'c'] }))
    const before = await entriesOf('diffed', 'ks-1')
    await store.transaction('diff', async (tx) => tx.put('diffed', 'ks-1', { stage: 'signed', region: '33.01', tags: ['a', 'c', 'd'] }))
    const after = await entriesOf('diffed', 'ks-1')
    expect(after.size).toBe(before.size)
    const kept = [...after].filter(([entry, ctid]) => before.get(entry) === ctid).map(([entry]) => entry)
    expect(kept).toHaveLength(before.size - 2)
    expect([...after.keys()].filter((entry) => !before.has(entry))).toHaveLength(2)
    expect((await store.query('diffed', { where: { stage: 'signed', tags: 'd' } })).items.map((item) => item.id)).toEqual(['ks-1'])
    expect((await store.query('diffed', { where: { tags: 'b' } })).items).toEqual([])
    expect((await store.query('diffed', { where: { stage: 'drafted' } })).items).toEqual([])
  })

  it('replaces the entries a document row removed behind the library left, when the document is put again', async () => {
    await store.declareCollections({ orphans: { indexed: ['stage'] } })
    await store.transaction('orphans', async (tx) => tx.put('orphans', 'ks-1', { stage: 'drafted' }))
    await schema.pool.query(`delete from "${schema.schema}".documents where collection = 'orphans'`)
    await store.transaction('orphans', async (tx) => tx.put('orphans', 'ks-1', { stage: 'drafted', title: 'lagi' }))
    expect((await store.query('orphans', { where: { stage: 'drafted' } })).items).toEqual([{ id: 'ks-1', document: { stage: 'drafted', title: 'lagi' } }])
  })

  it('indexes by the fields declared when the transaction begins, though the collection was written before under others', async () => {
    await store.declareCollections({ redeclared: { indexed: ['stage'] } })
    await store.transaction('redeclared', async (tx) => tx.put('redeclared', 'ks-1', { stage: 'drafted', region: '33.01' }))
    await store.declareCollections({ redeclared: { indexed: ['region'] } })
    await store.transaction('redeclared', async (tx) => tx.put('redeclared', 'ks-2', { stage: 'drafted', region: '33.01' }))
    expect((await store.query('redeclared', { where: { region: '33.01' } })).items.map((item) => item.id)).toEqual(['ks-1', 'ks-2'])
    const fields = await schema.pool.query<{ field: string }>(`select distinct field from "${schema.schema}".document_index where collection = 'redeclared'`)
    expect(fields.rows.map((row) => row.field)).toEqual(['region'])
  })

  it('commits a batch of a projection that wrote before in five statements: begin, begin_projection, write_documents, the checkpoint, commit', async () => {
    await store.declareCollections({ counted: { indexed: ['stage'] } })
    const batch = (from: bigint, to: bigint) =>
      store.transaction('counted', async (tx) => {
        await tx.put('counted', `ks-${to}`, { stage: 'drafted' })
        await tx.put('counted', 'ks-0', { stage: 'signed' })
        await tx.setCheckpoint(to, { expected: from })
      })
    await batch(0n, 1n)
    const statements: string[] = []
    // Every statement the pool's clients send, by its start.
    const original = pg.Client.prototype.query
    pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof original>) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text
      statements.push(text.replace(/\s+/g, ' ').trim().slice(0, 120))
      return original.apply(this, args)
    } as typeof original
    try {
      await batch(1n, 2n)
    } finally {
      pg.Client.prototype.query = original
    }
    const transaction = statements.slice(statements.indexOf('begin'), statements.indexOf('commit') + 1)
    expect(transaction.map((text) => /begin_projection|write_documents|checkpoints|^begin$|^commit$/.exec(text)?.[0] ?? text)).toEqual([
      'begin',
      'begin_projection',
      'write_documents',
      'checkpoints',
      'commit',
    ])
  })

  it('compresses documents with lz4 where the server has it, and pglz where not', async () => {
    const support = await schema.pool.query<{ lz4: boolean }>(`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`)
    const column = await schema.pool.query<{ compression: string }>(
      `select attcompression::text as compression from pg_attribute where attrelid = to_regclass($1) and attname = 'document'`,
      [`"${schema.schema}".documents`],
    )
    expect(column.rows[0]?.compression).toBe(support.rows[0]?.lz4 === true ? 'l' : '')
  })
})
