import type { Database } from 'better-sqlite3'
import { MIGRATIONS, MIGRATIONS_TABLE } from './schema'
import { SchemaTooNew } from './schemaTooNew'

/**
 * Brings the file's schema up to date. BEGIN IMMEDIATE takes the write lock
 * before reading which migrations ran, so several processes opening a fresh
 * file at once apply each migration exactly once: the others wait (busy
 * timeout), then find nothing left to do.
 *
 * A file that is already up to date is opened without the write lock: a
 * process starting while others append steadily would otherwise have to win
 * the lock in SQLite's busy handler, which blocks it and which the writers
 * taking turns (writeTurns) leave only short gaps for.
 */
export function migrate(db: Database): void {
  if (isUpToDate(db)) return
  const apply = db.transaction(() => {
    db.exec(MIGRATIONS_TABLE)
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
    const known = Math.max(...MIGRATIONS.map((migration) => migration.version))
    const newest = Math.max(0, ...applied)
    if (newest > known) throw new SchemaTooNew(newest, known)
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue
      for (const statement of migration.statements) db.exec(statement)
      record.run(migration.version, migration.name, new Date().toISOString())
    }
  })
  apply.immediate()
}

/** Read without a lock; the migration transaction reads again under its lock. */
function isUpToDate(db: Database): boolean {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined
  if (!hasTable) return false
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const known = Math.max(...MIGRATIONS.map((migration) => migration.version))
  const newest = Math.max(0, ...applied)
  if (newest > known) throw new SchemaTooNew(newest, known)
  return MIGRATIONS.every((migration) => applied.has(migration.version))
}
