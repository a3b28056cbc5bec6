import { InvalidStoreInput } from '@kerjasama/core'
import type { CollectionIndexes, IndexValue, ReadModelDocument, ReadModelPage, ReadModelQuery, ReadModelReader, ReadModelTransaction } from '@kerjasama/core'

/**
 * Documents held in this process only, for read models built for one
 * question and thrown away ("as of 1 July 2024"): a plain map that answers
 * the read-model port's queries by the same rules as the stores, without
 * checkpoints, tenancy or locks, which a throwaway build needs none of.
 */
export class DocumentsInMemory implements ReadModelReader {
  private readonly collections = new Map<string, Map<string, ReadModelDocument>>()
  private readonly indexes = new Map<string, ReadonlySet<string>>()

  constructor(indexes: CollectionIndexes = {}) {
    for (const [collection, { indexed }] of Object.entries(indexes)) this.indexes.set(collection, new Set(indexed))
  }

  readonly transaction: ReadModelTransaction = {
    get: async (collection, id) => this.get(collection, id),
    put: async (collection, id, document) => {
      this.documentsOf(collection).set(id, structuredClone(document))
    },
    delete: async (collection, id) => {
      this.documentsOf(collection).delete(id)
    },
    list: async (collection) => [...this.documentsOf(collection)].map(([id, document]) => ({ id, document: structuredClone(document) })),
    setCheckpoint: async () => {},
  }

  async get(collection: string, id: string): Promise<ReadModelDocument | undefined> {
    const document = this.collections.get(collection)?.get(id)
    return document === undefined ? undefined : structuredClone(document)
  }

  async query(collection: string, query: ReadModelQuery = {}): Promise<ReadModelPage> {
    const indexed = this.indexes.get(collection) ?? new Set<string>()
    const fields = [...Object.keys(query.where ?? {}), ...(query.orderBy === undefined ? [] : [query.orderBy])]
    const unindexed = fields.find((field) => !indexed.has(field))
    if (unindexed !== undefined) {
      throw new InvalidStoreInput({ id: `kolom ${unindexed} tidak diindeks pada ${collection}`, en: `field ${unindexed} is not indexed in ${collection}` }, { field: unindexed })
    }
    const limit = query.limit ?? 50
    const direction = query.direction === 'desc' ? -1 : 1
    const orderKey = (id: string, document: ReadModelDocument): [IndexValue | undefined, string] => [query.orderBy === undefined ? id : scalar(document[query.orderBy]), id]
    const rows = [...this.documentsOf(collection)]
      .filter(([, document]) => Object.entries(query.where ?? {}).every(([field, value]) => matches(document[field], value)))
      .filter(([id, document]) => inRange(orderKey(id, document)[0], query))
      .filter(([id, document]) => orderKey(id, document)[0] !== undefined)
      .sort(([a, da], [b, db]) => direction * compareKeys(orderKey(a, da), orderKey(b, db)))
    const start = query.after === undefined ? 0 : rows.findIndex(([id]) => id === query.after) + 1
    const page = rows.slice(start, start + limit)
    const last = page.at(-1)
    return {
      items: page.map(([id, document]) => ({ id, document: structuredClone(document) })),
      ...(last !== undefined && start + limit < rows.length ? { next: last[0] } : {}),
    }
  }

  private documentsOf(collection: string): Map<string, ReadModelDocument> {
    let documents = this.collections.get(collection)
    if (documents === undefined) {
      documents = new Map()
      this.collections.set(collection, documents)
    }
    return documents
  }
}

function matches(field: unknown, value: IndexValue): boolean {
  return Array.isArray(field) ? field.includes(value) : field === value
}

function scalar(value: unknown): IndexValue | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined
}

function inRange(value: IndexValue | undefined, query: ReadModelQuery): boolean {
  if (value === undefined || query.range === undefined) return true
  const { gte, lt } = query.range
  return (gte === undefined || compare(value, gte) >= 0) && (lt === undefined || compare(value, lt) < 0)
}

function compareKeys(a: [IndexValue | undefined, string], b: [IndexValue | undefined, string]): number {
  return compare(a[0] ?? '', b[0] ?? '') || compare(a[1], b[1])
}

function compare(a: IndexValue, b: IndexValue): number {
  return a < b ? -1 : a > b ? 1 : 0
}
