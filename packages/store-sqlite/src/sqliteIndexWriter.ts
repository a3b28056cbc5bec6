import { indexEntriesOf } from '@kerjasama/core/adapter'
import type { ReadModelDocument } from '@kerjasama/core'
import type { ReadModelIndexStatements } from './readModelIndexStatements'

/** Documents read per batch while a redeclared collection is reindexed, so memory stays bounded. */
const REINDEX_BATCH = 1000

/**
 * Keeps read_model_index in step with the documents (R14). Every method runs
 * inside the caller's write transaction, so entries commit with their
 * document and a declaration with its rebuilt entries, or none do; a value
 * that cannot be indexed throws STORE_INPUT_INVALID and rolls it all back.
 */
export function sqliteIndexWriter(statements: ReadModelIndexStatements, tenant: string) {
  const insertEntries = (collection: string, id: string, document: ReadModelDocument, fields: readonly string[]): void => {
    for (const entry of indexEntriesOf(document, fields)) statements.insertEntry.run(tenant, collection, entry.field, entry.key, id, entry.ordered ? 1 : 0)
  }

  return {
    /** The collection's declared fields, undefined when it never declared. */
    indexedFields(collection: string): readonly string[] | undefined {
      const text = statements.getIndexed.get(tenant, collection)
      return text === undefined ? undefined : (JSON.parse(text) as string[])
    },

    /** `text` null: the document was deleted. */
    reindexDocument(collection: string, id: string, text: string | null, fields: readonly string[] | undefined): void {
      statements.deleteEntriesOfDocument.run(tenant, collection, id)
      if (text !== null && fields !== undefined && fields.length > 0) insertEntries(collection, id, JSON.parse(text) as ReadModelDocument, fields)
    },

    reindexCollection(collection: string, fields: readonly string[]): void {
      statements.saveIndexed.run(tenant, collection, JSON.stringify(fields))
      statements.deleteEntriesOfCollection.run(tenant, collection)
      if (fields.length === 0) return
      let after = ''
      for (;;) {
        const batch = statements.documentsAfter.all(tenant, collection, after, REINDEX_BATCH)
        for (const row of batch) insertEntries(collection, row.id, JSON.parse(row.document) as ReadModelDocument, fields)
        const last = batch.at(-1)
        if (last === undefined || batch.length < REINDEX_BATCH) return
        after = last.id
      }
    },
  }
}
