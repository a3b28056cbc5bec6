import type BetterSqlite3 from 'better-sqlite3'

type Statement<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>

/** The statements that keep declared collections and their index entries (R14), prepared once per connection. */
export type ReadModelIndexStatements = {
  getIndexed: Statement<[string, string], string>
  saveIndexed: Statement<[string, string, string]>
  /** tenant, collection, after id, limit: one batch of a collection's documents in id order. */
  documentsAfter: Statement<[string, string, string, number], { id: string; document: string }>
  deleteEntriesOfDocument: Statement<[string, string, string]>
  /** tenant, collection, id: the document's entries as stored. */
  entriesOfDocument: Statement<[string, string, string], { field: string; value_key: string; ordered: number }>
  /** tenant, collection, field, value_key, id: one entry. */
  deleteEntry: Statement<[string, string, string, string, string]>
  /** ordered, then tenant, collection, field, value_key, id. */
  setEntryOrdered: Statement<[number, string, string, string, string, string]>
  deleteEntriesOfCollection: Statement<[string, string]>
  insertEntry: Statement<[string, string, string, string, string, number]>
}

export function prepareReadModelIndexStatements(db: BetterSqlite3.Database): ReadModelIndexStatements {
  return {
    getIndexed: db.prepare<[string, string], string>('SELECT indexed FROM read_model_collections WHERE tenant = ? AND collection = ?').pluck(),
    saveIndexed: db.prepare<[string, string, string]>(
      'INSERT INTO read_model_collections (tenant, collection, indexed) VALUES (?, ?, ?) ON CONFLICT (tenant, collection) DO UPDATE SET indexed = excluded.indexed',
    ),
    documentsAfter: db.prepare<[string, string, string, number], { id: string; document: string }>(
      'SELECT id, document FROM read_model_documents WHERE tenant = ? AND collection = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    // Without statistics SQLite would walk the primary key's (tenant, collection) prefix, every entry of the
    // collection, for each changed document; the index by document makes it one lookup.
    deleteEntriesOfDocument: db.prepare<[string, string, string]>('DELETE FROM read_model_index INDEXED BY read_model_index_by_document WHERE tenant = ? AND collection = ? AND id = ?'),
    entriesOfDocument: db.prepare<[string, string, string], { field: string; value_key: string; ordered: number }>(
      'SELECT field, value_key, ordered FROM read_model_index INDEXED BY read_model_index_by_document WHERE tenant = ? AND collection = ? AND id = ?',
    ),
    deleteEntry: db.prepare<[string, string, string, string, string]>('DELETE FROM read_model_index WHERE tenant = ? AND collection = ? AND field = ? AND value_key = ? AND id = ?'),
    setEntryOrdered: db.prepare<[number, string, string, string, string, string]>(
      'UPDATE read_model_index SET ordered = ? WHERE tenant = ? AND collection = ? AND field = ? AND value_key = ? AND id = ?',
    ),
    deleteEntriesOfCollection: db.prepare<[string, string]>('DELETE FROM read_model_index WHERE tenant = ? AND collection = ?'),
    insertEntry: db.prepare<[string, string, string, string, string, number]>(
      'INSERT INTO read_model_index (tenant, collection, field, value_key, id, ordered) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  }
}
