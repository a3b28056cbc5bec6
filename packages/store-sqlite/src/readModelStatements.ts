import type BetterSqlite3 from 'better-sqlite3'

type Statement<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>

export type CheckpointRow = { position: bigint; revision: bigint }

/** Every statement the read-model store runs, prepared once per connection. */
export type ReadModelStatements = {
  getDocument: Statement<[string, string, string], string>
  listDocuments: Statement<[string, string], { id: string; document: string }>
  putDocument: Statement<[string, string, string, string]>
  deleteDocument: Statement<[string, string, string]>
  getCheckpoint: Statement<[string, string], CheckpointRow>
  saveCheckpoint: Statement<[string, string, bigint, bigint]>
}

export function prepareReadModelStatements(db: BetterSqlite3.Database): ReadModelStatements {
  return {
    getDocument: db.prepare<[string, string, string], string>('SELECT document FROM read_model_documents WHERE tenant = ? AND collection = ? AND id = ?').pluck(),
    listDocuments: db.prepare<[string, string], { id: string; document: string }>('SELECT id, document FROM read_model_documents WHERE tenant = ? AND collection = ?'),
    putDocument: db.prepare<[string, string, string, string]>(
      'INSERT INTO read_model_documents (tenant, collection, id, document) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, collection, id) DO UPDATE SET document = excluded.document',
    ),
    deleteDocument: db.prepare<[string, string, string]>('DELETE FROM read_model_documents WHERE tenant = ? AND collection = ? AND id = ?'),
    getCheckpoint: db
      .prepare<[string, string], CheckpointRow>('SELECT position, revision FROM read_model_checkpoints WHERE tenant = ? AND projection = ?')
      .safeIntegers(true),
    saveCheckpoint: db.prepare<[string, string, bigint, bigint]>(
      'INSERT INTO read_model_checkpoints (tenant, projection, position, revision) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, projection) DO UPDATE SET position = excluded.position, revision = excluded.revision',
    ),
  }
}
