import { planReadModelQuery, queryDocuments } from '@kerjasama/core/adapter'
import type { CollectionIndexes, ReadModelDocument, ReadModelPage, ReadModelQuery, ReadModelReader, ReadModelTransaction } from '@kerjasama/core'

/**
 * Documents held in this process only, for read models built for one
 * question and thrown away ("as of 1 July 2024"): a plain map that answers
 * the read-model port's queries with the stores' own planner and evaluator, without
 * checkpoints, tenancy or locks, which a throwaway build needs none of.
 */
export class DocumentsInMemory implements ReadModelReader {
  private readonly collections = new Map<string, Map<string, ReadModelDocument>>()
  private readonly indexes = new Map<string, readonly string[]>()

  constructor(indexes: CollectionIndexes = {}) {
    for (const [collection, { indexed }] of Object.entries(indexes)) this.indexes.set(collection, [...indexed])
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
    const indexed = this.indexes.get(collection)
    const page = queryDocuments(this.documentsOf(collection), indexed ?? [], planReadModelQuery(collection, query, indexed))
    return { ...page, items: page.items.map(({ id, document }) => ({ id, document: structuredClone(document) })) }
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

