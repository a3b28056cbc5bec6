import type { Database } from 'better-sqlite3'
import { StoreSchemaTooOld } from '@kerjasama/core'
import { MIGRATIONS } from './schema'
import { SchemaTooNew } from './schemaTooNew'

/**
 * A read-only open cannot migrate, so it accepts only a file at exactly this
 * library's schema version. Reading the first table also makes SQLite look
 * at the file header: a text file or a truncated header fails here
 * (SQLITE_NOTADB, SQLITE_CORRUPT) rather than in the middle of a read.
 */
export function checkReadableSchema(db: Database, file: string): void {
  const known = Math.max(...MIGRATIONS.map((migration) => migration.version))
  const tracked = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get() !== undefined
  const found = tracked ? Number(db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get()) : 0
  if (found > known) throw new SchemaTooNew(found, known)
  if (found < known) throw new StoreSchemaTooOld({ kind: 'file', name: file }, found, known)
}
