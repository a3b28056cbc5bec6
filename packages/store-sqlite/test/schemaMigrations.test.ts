import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, openSqliteStore } from '../src/index'
import { openConnection } from '../src/connection'
import { resolveStoreOptions } from '../src/options'
import { events } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function freshFile(): string {
  const database = tempDatabase('schema')
  cleanups.push(database.remove)
  return database.file
}

describe('schema and connection settings', () => {
  it('migrations are idempotent: opening a file twice records each version once and keeps the data', async () => {
    const file = freshFile()
    const first = openSqliteStore({ file })
    await first.append('s', events(2), { expectedVersion: 'none' })
    await first.close()
    const second = openSqliteStore({ file })
    const third = openSqliteStore({ file })
    expect((await second.append('s', events(1), { expectedVersion: 2 })).nextExpectedVersion).toBe(3)
    await Promise.all([second.close(), third.close()])

    const db = new Database(file, { readonly: true })
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    db.close()
    expect(versions).toEqual(MIGRATIONS.map((migration) => migration.version))
  })

  it('a file migrated by a newer Kerjasama is refused with STORE_SCHEMA_TOO_NEW and left as it was', async () => {
    const file = freshFile()
    await openSqliteStore({ file }).close()
    const db = new Database(file)
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01')").run()
    db.close()
    expect(() => openSqliteStore({ file })).toThrow(expect.objectContaining({ code: 'STORE_SCHEMA_TOO_NEW' }))
  })

  it('the file is in WAL mode with a 4 MB page cache, and durability maps to PRAGMA synchronous: full = 2 (default), normal = 1', () => {
    const file = freshFile()
    const full = openConnection({ file, durability: 'full', busyTimeoutMs: 1000 })
    const normal = openConnection({ file, durability: 'normal', busyTimeoutMs: 1000 })
    expect(full.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(normal.db.pragma('synchronous', { simple: true })).toBe(1)
    expect(full.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(full.db.pragma('busy_timeout', { simple: true })).toBe(1000)
    // 4 MB (negative: KiB), not better-sqlite3's 16 MB: part of a rebuild's memory bound (docs/performance.md).
    expect(full.db.pragma('cache_size', { simple: true })).toBe(-4096)
    full.close()
    normal.close()
  })

  it('durability defaults to full; unknown levels and other bad options are STORE_INPUT_INVALID', () => {
    expect(resolveStoreOptions({ file: ':memory:' }).durability).toBe('full')
    expect(() => openSqliteStore({ file: ':memory:', durability: 'off' as never })).toThrow(expect.objectContaining({ code: 'STORE_INPUT_INVALID' }))
    expect(() => openSqliteStore({ file: '' })).toThrow(expect.objectContaining({ code: 'STORE_INPUT_INVALID' }))
    expect(() => openSqliteStore({ file: ':memory:', busyTimeoutMs: -1 })).toThrow(expect.objectContaining({ code: 'STORE_INPUT_INVALID' }))
  })

  it('a file in a folder that does not exist is STORE_INPUT_INVALID naming the field; a folder given as the file is STORE_MISCONFIGURED naming it, not an outage to retry', () => {
    expect(() => openSqliteStore({ file: '/nonexistent-directory/for/kerjasama.db' })).toThrow(
      expect.objectContaining({ code: 'STORE_INPUT_INVALID', details: expect.objectContaining({ field: 'file' }), message: expect.not.stringContaining('nonexistent') }),
    )
    const folder = dirname(freshFile())
    expect(() => openSqliteStore({ file: folder })).toThrow(expect.objectContaining({ code: 'STORE_MISCONFIGURED', message: expect.stringContaining(folder) }))
  })
})
