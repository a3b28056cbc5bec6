import { indexEntriesOf } from '@kerjasama/core/adapter'
import type { IndexEntry } from '@kerjasama/core/adapter'
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

    /**
     * Brings a document's stored entries to `entries` (empty: the document was
     * deleted or indexes nothing). Only the entries that changed are written:
     * an update of a live agreement moves one or two of its ~20 entries (its
     * stage, its next due date), and a document new to the collection has
     * none stored, so a rebuild deletes nothing before it inserts.
     */
    reindexDocument(collection: string, id: string, entries: readonly IndexEntry[]): void {
      const stored = statements.entriesOfDocument.all(tenant, collection, id)
      if (stored.length === 0) {
        for (const entry of entries) statements.insertEntry.run(tenant, collection, entry.field, entry.key, id, entry.ordered ? 1 : 0)
        return
      }
      if (entries.length === 0) {
        statements.deleteEntriesOfDocument.run(tenant, collection, id)
        return
      }
      // Field and key joined by NUL, which neither holds: fields are identifiers, and index keys escape low code points (indexKeys.ts).
      const storedOrdered = new Map(stored.map((row) => [`${row.field}\u0000${row.value_key}`, row.ordered]))
      for (const entry of entries) {
        const key = `${entry.field}\u0000${entry.key}`
        const ordered = entry.ordered ? 1 : 0
        const was = storedOrdered.get(key)
        if (was === undefined) statements.insertEntry.run(tenant, collection, entry.field, entry.key, id, ordered)
        else if (was !== ordered) statements.setEntryOrdered.run(ordered, tenant, collection, entry.field, entry.key, id)
        storedOrdered.delete(key)
      }
      for (const row of stored) if (storedOrdered.has(`${row.field}\u0000${row.value_key}`)) statements.deleteEntry.run(tenant, collection, row.field, row.value_key, id)
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
