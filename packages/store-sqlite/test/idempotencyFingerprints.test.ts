import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, openSqliteStore } from '../src/index'
import { MIGRATIONS_TABLE } from '../src/schema'
import { event, events } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function freshFile(): string {
  const database = tempDatabase('fingerprints')
  cleanups.push(database.remove)
  return database.file
}

/** A file as the first release left it: only migration 1, with one keyed append recorded the way it was then. */
function fileAtMigration1(file: string): void {
  const db = new Database(file)
  db.exec(MIGRATIONS_TABLE)
  const first = MIGRATIONS.find((migration) => migration.version === 1)
  for (const statement of first?.statements ?? []) db.exec(statement)
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'events, streams, idempotency keys, read models', '2026-01-01T00:00:00.000Z')").run()
  db.close()
}

describe('SQLite idempotency fingerprints (migration 2)', () => {
  it('a file at migration 1 is migrated in place: its data stays, its keys have no fingerprint, keys recorded afterwards do', async () => {
    const file = freshFile()
    fileAtMigration1(file)
    const store = openSqliteStore({ file })
    const first = await store.append('s1', events(1), { expectedVersion: 'none', idempotencyKey: 'after-migration' })
    await store.close()
    const db = new Database(file, { readonly: true })
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    const row = db.prepare('SELECT first_position, fingerprint FROM idempotency_keys WHERE idempotency_key = ?').get('after-migration') as { first_position: number; fingerprint: string | null }
    db.close()
    expect(versions).toEqual(MIGRATIONS.map((migration) => migration.version))
    expect(row.first_position).toBe(Number(first.firstPosition))
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/)
  })

  it('a key recorded before migration 2 (no fingerprint) keeps returning its first result, whatever the later append carries, as it did', async () => {
    const file = freshFile()
    const store = openSqliteStore({ file })
    const first = await store.append('s1', events(1), { expectedVersion: 'none', idempotencyKey: 'legacy' })
    const db = new Database(file)
    db.prepare('UPDATE idempotency_keys SET fingerprint = NULL WHERE idempotency_key = ?').run('legacy')
    db.close()
    const other = await store.append('s2', [event({ other: true })], { expectedVersion: 'any', idempotencyKey: 'legacy' })
    expect(other).toEqual({ ...first, duplicate: true })
    // Keys with a fingerprint are checked.
    await store.append('s1', events(1, 'next'), { expectedVersion: 1, idempotencyKey: 'checked' })
    await expect(store.append('s1', [event({ other: true })], { expectedVersion: 'any', idempotencyKey: 'checked' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' })
    let count = 0
    for await (const _ of store.readAll()) count += 1
    expect(count).toBe(2)
    await store.close()
  })
})
