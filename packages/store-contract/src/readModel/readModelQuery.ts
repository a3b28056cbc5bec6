import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReadModelDocument, ReadModelQuery, ReadModelReader, ReadModelStore } from '@kerjasama/core'
import type { ReadModelSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { expectedQueryResult } from './queryModel'

const AGREEMENTS = { agreements: { indexed: ['status', 'urusan', 'region', 'value', 'signed'] } }

/** Every page of a query, following `next` until it is absent; each page holds at most `limit` items. */
export async function allPages(reader: ReadModelReader, collection: string, query: ReadModelQuery = {}): Promise<string[]> {
  const ids: string[] = []
  let after: string | undefined
  for (let pages = 0; pages < 10_000; pages += 1) {
    const page = await reader.query(collection, { ...query, ...(after === undefined ? {} : { after }) })
    expect(page.items.length).toBeLessThanOrEqual(query.limit ?? 50)
    ids.push(...page.items.map((item) => item.id))
    if (page.next === undefined) return ids
    expect(page.items.length).toBeGreaterThan(0)
    after = page.next
  }
  throw new Error('the pages never ended')
}

async function putAll(store: ReadModelStore, collection: string, documents: Array<{ id: string; document: ReadModelDocument }>): Promise<void> {
  await store.transaction('register', async (tx) => {
    for (const { id, document } of documents) await tx.put(collection, id, document)
  })
}

const sample = [
  { id: 'ks-01', document: { status: 'signed', urusan: ['pertanian', 'perdagangan'], region: '33.05', value: 120, signed: true } },
  { id: 'ks-02', document: { status: 'draft', urusan: ['pertanian'], region: '33.05', value: 7.5, signed: false } },
  { id: 'ks-03', document: { status: 'signed', urusan: ['kesehatan'], region: '33.02', value: -3, signed: true } },
  { id: 'ks-04', document: { status: 'signed', urusan: 'pertanian', region: '33.05', value: '120', signed: 'yes' } },
  { id: 'ks-05', document: { status: 'ended', region: null, value: 1e21 } },
  { id: 'ks-06', document: { status: 'signed', urusan: [], region: { code: '33.05' }, value: 0, signed: true } },
]

// Strings whose code-point order differs from JavaScript's UTF-16 order, and
// text PostgreSQL cannot keep as is, so the order and equality rules are tested where adapters differ.
const trickyString = fc.constantFrom('', 'a', 'B', 'b', 'ä', '\u0000', '\u0001', 'a\u0000', '\uffff', '\ue000', '😀', '𝔸', 'Kebumen', 'kebumen', '10', '9', ' ')
const fieldValue = fc.oneof(
  { arbitrary: trickyString, weight: 4 },
  { arbitrary: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0.5, 1e300, -1e-300, -0, 2 ** 53)), weight: 3 },
  { arbitrary: fc.boolean(), weight: 2 },
  { arbitrary: fc.array(fc.oneof(trickyString, fc.integer({ min: -2, max: 2 }), fc.boolean()), { maxLength: 3 }), weight: 2 },
  { arbitrary: fc.constantFrom(null, undefined, { nested: 1 }), weight: 1 },
)
const scalar = fc.oneof(trickyString, fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0.5), fc.boolean())
const documentId = fc.oneof(fc.constantFrom('a', 'b', 'B', 'ä', '\ue000', '😀', 'a b', "'; drop"), fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', 'z', '0', '\uffff', '😀') }))

export function describeReadModelQuery({ run, options }: ReadModelSuite): void {
  describe('R14 read-model queries on indexed fields', () => {
    it('R14 equality on indexed fields returns exactly the matching documents, by id, in pages that follow one another', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', sample)
      expect(await allPages(store, 'agreements', { where: { status: 'signed' } })).toEqual(['ks-01', 'ks-03', 'ks-04', 'ks-06'])
      expect(await allPages(store, 'agreements', { where: { status: 'signed' }, limit: 1 })).toEqual(['ks-01', 'ks-03', 'ks-04', 'ks-06'])
      expect(await allPages(store, 'agreements', { where: { status: 'signed', region: '33.05' } })).toEqual(['ks-01', 'ks-04'])
      expect(await allPages(store, 'agreements', { where: { status: 'nothing' } })).toEqual([])
      expect(await allPages(store, 'agreements', { limit: 4 })).toEqual(sample.map((entry) => entry.id))
      const page = await store.query('agreements', { where: { region: '33.02' } })
      expect(page).toEqual({ items: [{ id: 'ks-03', document: sample[2]?.document }] })
      const first = await store.query('agreements', { limit: 2 })
      expect(first.items.map((item) => item.id)).toEqual(['ks-01', 'ks-02'])
      expect(typeof first.next).toBe('string')
    }), options.testTimeout)

    it('R14 an array field matches when one of its items equals the value, and types never mix', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', sample)
      expect(await allPages(store, 'agreements', { where: { urusan: 'pertanian' } })).toEqual(['ks-01', 'ks-02', 'ks-04'])
      expect(await allPages(store, 'agreements', { where: { urusan: 'pertanian', status: 'signed' } })).toEqual(['ks-01', 'ks-04'])
      expect(await allPages(store, 'agreements', { where: { value: 120 } })).toEqual(['ks-01'])
      expect(await allPages(store, 'agreements', { where: { value: '120' } })).toEqual(['ks-04'])
      expect(await allPages(store, 'agreements', { where: { signed: true } })).toEqual(['ks-01', 'ks-03', 'ks-06'])
      expect(await allPages(store, 'agreements', { where: { value: 0 } })).toEqual(['ks-06'])
      expect(await allPages(store, 'agreements', { where: { value: -0 } })).toEqual(['ks-06'])
      expect(await allPages(store, 'agreements', { where: { value: 1e21 } })).toEqual(['ks-05'])
      expect(await allPages(store, 'agreements', { where: { region: '33' } })).toEqual([])
    }), options.testTimeout)

    it('R14 ordered by a field: no scalar value first, then booleans, numbers numerically, strings by code point; ties by id; desc reverses it all', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', [...sample, { id: 'ks-00', document: { value: 7.5 } }, { id: 'ks-07', document: { value: 'a' } }, { id: 'ks-08', document: { value: true } }])
      expect(await allPages(store, 'agreements', { orderBy: 'region' })).toEqual(['ks-00', 'ks-05', 'ks-06', 'ks-07', 'ks-08', 'ks-03', 'ks-01', 'ks-02', 'ks-04'])
      const byValue = ['ks-08', 'ks-03', 'ks-06', 'ks-00', 'ks-02', 'ks-01', 'ks-05', 'ks-04', 'ks-07']
      expect(await allPages(store, 'agreements', { orderBy: 'value', limit: 2 })).toEqual(byValue)
      expect(await allPages(store, 'agreements', { orderBy: 'value', direction: 'desc', limit: 3 })).toEqual([...byValue].reverse())
      expect(await allPages(store, 'agreements', { direction: 'desc', limit: 4 })).toEqual(['ks-08', 'ks-07', 'ks-06', 'ks-05', 'ks-04', 'ks-03', 'ks-02', 'ks-01', 'ks-00'])
      expect(await allPages(store, 'agreements', { orderBy: 'value', where: { status: 'signed' } })).toEqual(['ks-03', 'ks-06', 'ks-01', 'ks-04'])
    }), options.testTimeout)

    it('R14 range bounds the order field within the type of its bounds: gte inclusive, lt exclusive', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', sample)
      expect(await allPages(store, 'agreements', { orderBy: 'value', range: { gte: 0 } })).toEqual(['ks-06', 'ks-02', 'ks-01', 'ks-05'])
      expect(await allPages(store, 'agreements', { orderBy: 'value', range: { gte: -3, lt: 120 } })).toEqual(['ks-03', 'ks-06', 'ks-02'])
      expect(await allPages(store, 'agreements', { orderBy: 'value', range: { lt: 0 }, direction: 'desc' })).toEqual(['ks-03'])
      expect(await allPages(store, 'agreements', { orderBy: 'value', range: { gte: '' } })).toEqual(['ks-04'])
      expect(await allPages(store, 'agreements', { orderBy: 'region', range: { gte: '33.03', lt: '33.06' } })).toEqual(['ks-01', 'ks-02', 'ks-04'])
    }), options.testTimeout)

    it('R14 for all documents and queries, the pages list exactly the documents the rule selects, each once, in its order', run(async ({ open }) => {
      const store = await open()
      const fields = ['f', 'g']
      await store.declareCollections({ things: { indexed: fields } })
      const documents = fc.uniqueArray(fc.record({ id: documentId, document: fc.record({ f: fieldValue, g: fieldValue }, { requiredKeys: [] }) }), { selector: (entry) => entry.id, maxLength: 12 })
      const query = fc.record(
        {
          where: fc.dictionary(fc.constantFrom(...fields), scalar, { maxKeys: 2 }),
          orderBy: fc.constantFrom(...fields),
          direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
          limit: fc.integer({ min: 1, max: 5 }),
        },
        { requiredKeys: ['limit'] },
      )
      const range = fc.oneof(fc.constant(undefined), fc.record({ gte: scalar }), fc.record({ lt: scalar }), fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })).map(([gte, lt]) => ({ gte, lt })))
      let round = 0
      await fc.assert(
        fc.asyncProperty(documents, query, range, async (entries, generated, bounds) => {
          round += 1
          const collection = 'things'
          const stored = entries.map(({ id, document }) => ({ id, document: JSON.parse(JSON.stringify(document)) as ReadModelDocument }))
          await store.transaction(`round-${round}`, async (tx) => {
            for (const old of await tx.list(collection)) await tx.delete(collection, old.id)
            for (const { id, document } of stored) await tx.put(collection, id, document)
          })
          const built: ReadModelQuery = { ...generated, ...(bounds !== undefined && generated.orderBy !== undefined ? { range: bounds } : {}) }
          expect(await allPages(store, collection, built)).toEqual(expectedQueryResult(stored, built))
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R14 for all sequences of updates in place (a value changed, dropped, turned into an array or back), every page matches the documents as last written', run(async ({ open }) => {
      const store = await open()
      const fields = ['f', 'g']
      await store.declareCollections({ things: { indexed: fields } })
      const ids = ['a', 'b', 'c']
      // A small pool, so one value often comes back as an item of an array (its entry then stops ordering) and the other way round.
      const pooled = fc.constantFrom<string | number | boolean>('x', 'y', 1, true)
      const value = fc.oneof(pooled, fc.array(pooled, { maxLength: 2 }), fieldValue)
      const update = fc.record({ id: fc.constantFrom(...ids), document: fc.record({ f: value, g: value }, { requiredKeys: [] }) })
      // Each transaction writes documents already stored (without deleting them first): an adapter that writes only the entries that changed must still end where a full rewrite would.
      const rounds = fc.array(fc.array(update, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 })
      const query = fc.record({ where: fc.dictionary(fc.constantFrom(...fields), fc.oneof(pooled, scalar), { maxKeys: 1 }), orderBy: fc.constantFrom(...fields), limit: fc.constant(2) }, { requiredKeys: ['limit'] })
      let round = 0
      await fc.assert(
        fc.asyncProperty(rounds, fc.array(query, { minLength: 1, maxLength: 3 }), async (transactions, queries) => {
          round += 1
          const current = new Map<string, ReadModelDocument>()
          await store.transaction(`updates-${round}`, async (tx) => {
            for (const old of await tx.list('things')) await tx.delete('things', old.id)
          })
          for (const writes of transactions) {
            await store.transaction(`updates-${round}`, async (tx) => {
              for (const { id, document } of writes) {
                const stored = JSON.parse(JSON.stringify(document)) as ReadModelDocument
                await tx.put('things', id, stored)
                current.set(id, stored)
              }
            })
          }
          const stored = [...current].map(([id, document]) => ({ id, document }))
          for (const built of queries as ReadModelQuery[]) expect(await allPages(store, 'things', built)).toEqual(expectedQueryResult(stored, built))
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R14 keyset pages stay correct while documents are inserted and deleted between pages: none skipped, none repeated', run(async ({ open }) => {
      const store = await open()
      const writer = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', Array.from({ length: 10 }, (_, index) => ({ id: `ks-${String(index * 2).padStart(2, '0')}`, document: { status: 'signed', value: index } })))
      const seen: string[] = []
      let after: string | undefined
      let step = 0
      do {
        const page = await store.query('agreements', { where: { status: 'signed' }, orderBy: 'value', limit: 3, ...(after === undefined ? {} : { after }) })
        seen.push(...page.items.map((item) => item.id))
        after = page.next
        step += 1
        // Between pages another store inserts before and after the cursor and deletes one not yet read.
        await writer.transaction('register', async (tx) => {
          await tx.put('agreements', `new-low-${step}`, { status: 'signed', value: -step })
          await tx.put('agreements', `new-high-${step}`, { status: 'signed', value: 100 + step })
          if (step === 1) await tx.delete('agreements', 'ks-18')
        })
      } while (after !== undefined)
      const original = Array.from({ length: 9 }, (_, index) => `ks-${String(index * 2).padStart(2, '0')}`)
      expect(seen.filter((id) => id.startsWith('ks-'))).toEqual(original)
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen.some((id) => id.startsWith('new-low'))).toBe(false)
    }), options.testTimeout)

    it('R14 index entries commit with their documents: an update or delete leaves no stale match, a failed transaction leaves none', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', [{ id: 'ks-1', document: { status: 'draft', urusan: ['pertanian', 'kesehatan'] } }])
      await putAll(store, 'agreements', [{ id: 'ks-1', document: { status: 'signed', urusan: ['kesehatan'] } }])
      expect(await allPages(store, 'agreements', { where: { status: 'draft' } })).toEqual([])
      expect(await allPages(store, 'agreements', { where: { urusan: 'pertanian' } })).toEqual([])
      expect(await allPages(store, 'agreements', { where: { urusan: 'kesehatan', status: 'signed' } })).toEqual(['ks-1'])
      await expect(store.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-2', { status: 'signed' })
        await tx.delete('agreements', 'ks-1')
        throw new Error('projection bug')
      })).rejects.toThrow('projection bug')
      expect(await allPages(store, 'agreements', { where: { status: 'signed' } })).toEqual(['ks-1'])
      await store.transaction('register', async (tx) => tx.delete('agreements', 'ks-1'))
      expect(await allPages(store, 'agreements', { where: { status: 'signed' } })).toEqual([])
      expect(await allPages(store, 'agreements', { orderBy: 'status' })).toEqual([])
    }), options.testTimeout)

    it('R14 declarations persist per tenant: a store that never declared queries them, redeclaring reindexes, and another tenant has its own', run(async ({ open }) => {
      const runner = await open({ tenant: '33.05' })
      const reader = await open({ tenant: '33.05' })
      const otherTenant = await open({ tenant: '33.02' })
      await putAll(runner, 'agreements', sample)
      await runner.declareCollections({ agreements: { indexed: ['status'] } })
      expect(await allPages(reader, 'agreements', { where: { status: 'ended' } })).toEqual(['ks-05'])
      await expectCoded(() => reader.query('agreements', { where: { region: '33.05' } }), 'READ_MODEL_FIELD_NOT_INDEXED')
      await runner.declareCollections({ agreements: { indexed: ['status'] } })
      await runner.declareCollections({ agreements: { indexed: ['region', 'status', 'region'] } })
      expect(await allPages(reader, 'agreements', { where: { region: '33.05', status: 'signed' } })).toEqual(['ks-01', 'ks-04'])
      await runner.declareCollections({ agreements: { indexed: ['region'] }, other: { indexed: [] } })
      const refused = await expectCoded(() => reader.query('agreements', { orderBy: 'status' }), 'READ_MODEL_FIELD_NOT_INDEXED')
      expect(refused.details).toMatchObject({ collection: 'agreements', field: 'status', indexed: ['region'] })
      expect(await allPages(otherTenant, 'agreements')).toEqual([])
      await expectCoded(() => otherTenant.query('agreements', { where: { region: '33.05' } }), 'READ_MODEL_FIELD_NOT_INDEXED')
      await otherTenant.declareCollections({ agreements: { indexed: ['status'] } })
      expect(await allPages(otherTenant, 'agreements', { where: { status: 'signed' } })).toEqual([])
      expect(await allPages(reader, 'agreements', { where: { region: '33.02' } })).toEqual(['ks-03'])
    }), options.testTimeout)

    it('R14 an unindexed field is READ_MODEL_FIELD_NOT_INDEXED; malformed queries, cursors and declarations are STORE_INPUT_INVALID', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      await putAll(store, 'agreements', sample)
      const unindexed: ReadModelQuery[] = [{ where: { title: 'x' } }, { orderBy: 'title' }, { where: { status: 'signed', titel: 'x' } }]
      for (const query of unindexed) {
        await expectCoded(() => store.query('agreements', query), 'READ_MODEL_FIELD_NOT_INDEXED')
      }
      await expectCoded(() => store.query('never-declared', { where: { status: 'x' } }), 'READ_MODEL_FIELD_NOT_INDEXED')
      expect(await store.query('never-declared')).toEqual({ items: [] })
      const { next } = await store.query('agreements', { orderBy: 'value', limit: 1 })
      const bad: unknown[] = [
        'not an object',
        { wher: { status: 'signed' } },
        { where: { status: null } },
        { where: { status: ['signed'] } },
        { where: { value: Number.NaN } },
        { where: [] },
        { orderBy: 7 },
        { direction: 'up' },
        { range: { gte: 1 } },
        { orderBy: 'value', range: { gte: 1, lt: 'z' } },
        { orderBy: 'value', range: { gt: 1 } },
        { limit: 0 },
        { limit: 501 },
        { limit: 2.5 },
        { after: 'not-a-cursor!' },
        { after: '' },
        { after: 42 },
        { after: next },
        { orderBy: 'value', direction: 'desc', after: next },
        { orderBy: 'status', after: next },
        { orderBy: 'value', after: `${next as string}A` },
      ]
      for (const query of bad) await expectCoded(() => store.query('agreements', query as never), 'STORE_INPUT_INVALID')
      expect((await store.query('agreements', { orderBy: 'value', after: next as string, limit: 500 })).items).toHaveLength(5)
      await expectCoded(() => store.query('', {}), 'STORE_INPUT_INVALID')
      for (const indexes of [null, [], { agreements: ['status'] }, { agreements: { indexed: 'status' } }, { agreements: { indexed: [''] } }, { '': { indexed: [] } }, { agreements: { indexed: Array.from({ length: 17 }, (_, i) => `f${i}`) } }]) {
        await expectCoded(() => store.declareCollections(indexes as never), 'STORE_INPUT_INVALID')
      }
      expect(await allPages(store, 'agreements', { where: { status: 'signed' } })).toEqual(['ks-01', 'ks-03', 'ks-04', 'ks-06'])
    }), options.testTimeout)

    it('R14 a value too long to index is refused with STORE_INPUT_INVALID: a transaction commits nothing, a declaration changes nothing', run(async ({ open }) => {
      const store = await open()
      await store.declareCollections(AGREEMENTS)
      const long = 'ā'.repeat(300)
      for (const document of [{ status: long }, { urusan: ['ok', long] }, { urusan: Array.from({ length: 257 }, (_, i) => `u${i}`) }]) {
        await expectCoded(() => putAll(store, 'agreements', [{ id: 'ks-fine', document: { status: 'signed' } }, { id: 'ks-long', document }]), 'STORE_INPUT_INVALID')
      }
      expect(await allPages(store, 'agreements')).toEqual([])
      await putAll(store, 'agreements', [{ id: 'ks-1', document: { status: 'signed', title: long } }, { id: 'ks-2', document: { status: 'draft', urusan: Array.from({ length: 256 }, (_, i) => `u${i}`) } }])
      await expectCoded(() => store.declareCollections({ agreements: { indexed: ['status', 'title'] } }), 'STORE_INPUT_INVALID')
      expect(await allPages(store, 'agreements', { where: { urusan: 'u255' } })).toEqual(['ks-2'])
      await expectCoded(() => store.query('agreements', { where: { title: long } }), 'READ_MODEL_FIELD_NOT_INDEXED')
    }), options.testTimeout)
  })
}
