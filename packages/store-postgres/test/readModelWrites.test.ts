import { openPostgresReadModelStore } from '@kerjasama/store-postgres'
import type { ReadModelDocument, ReadModelStore } from '@kerjasama/core'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
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

describe.skipIf(!postgres.available)('PostgreSQL read-model writes keep each document as its JSON text', () => {
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
})
