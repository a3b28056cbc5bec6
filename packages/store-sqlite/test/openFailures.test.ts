import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, openSqliteStore } from '../src/index'
import { MIGRATIONS_TABLE } from '../src/schema'
import { classifySqliteError } from '../src/sqliteFailure'
import { events } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function freshFile(): string {
  const database = tempDatabase('open-failure')
  cleanups.push(database.remove)
  return database.file
}

function failureOf(open: () => unknown): { code?: unknown; message?: unknown; details?: Record<string, unknown> } {
  try {
    open()
  } catch (error) {
    return error as { code?: unknown; message?: unknown; details?: Record<string, unknown> }
  }
  throw new Error('expected the open to fail')
}

async function readEverything(file: string, readOnly: boolean): Promise<unknown> {
  try {
    const store = openSqliteStore({ file, readOnly })
    try {
      for await (const _ of store.readAll()) void _
      return await store.verify()
    } finally {
      await store.close()
    }
  } catch (error) {
    return error
  }
}

/** A file with a few hundred events, so it spans many pages and can be cut in the middle of its data. */
async function kerjasamaFile(): Promise<string> {
  const file = freshFile()
  const store = openSqliteStore({ file })
  for (let stream = 0; stream < 20; stream += 1) await store.append(`agreement-${stream}`, events(20, 'x'.repeat(200)), { expectedVersion: 'none' })
  await store.close()
  return file
}

describe('opening a file that is missing, damaged or not a database', () => {
  it('a read-only open of a missing file is STORE_NOT_FOUND naming the file, and creates nothing', () => {
    const file = freshFile()
    const failure = failureOf(() => openSqliteStore({ file, readOnly: true }))
    expect(failure).toMatchObject({ code: 'STORE_NOT_FOUND', details: { file } })
    expect(failure.message).toContain(file)
    expect(readdirSync(dirname(file))).toEqual([])
  })

  it('a read-only open of a file in a folder that does not exist is STORE_NOT_FOUND, and creates no folder', () => {
    const file = join(dirname(freshFile()), 'missing-folder', 'kerjasama.db')
    expect(failureOf(() => openSqliteStore({ file, readOnly: true }))).toMatchObject({ code: 'STORE_NOT_FOUND', details: { file } })
    expect(existsSync(dirname(file))).toBe(false)
  })

  it('a text file is STORE_CORRUPT on a writing and on a read-only open, and keeps its bytes', () => {
    const file = freshFile()
    writeFileSync(file, 'Daftar kerja sama daerah, bukan basis data.\n'.repeat(50))
    const before = readFileSync(file)
    for (const readOnly of [false, true]) {
      const failure = failureOf(() => openSqliteStore({ file, readOnly }))
      expect(failure).toMatchObject({ code: 'STORE_CORRUPT', details: { cause: 'SQLITE_NOTADB' } })
      expect(String(failure.message)).toMatch(/not an SQLite database.*restore it from the last backup/)
      expect(String(failure.message)).not.toContain('retry')
    }
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('a Kerjasama file cut short is STORE_CORRUPT, not an outage that invites a retry, whether it fails at open or while reading', async () => {
    for (const cut of [0.5, 0.1]) {
      for (const readOnly of [false, true]) {
        const file = await kerjasamaFile()
        truncateSync(file, Math.floor(statSync(file).size * cut))
        const outcome = await readEverything(file, readOnly)
        expect(outcome, `cut to ${cut}, readOnly ${readOnly}`).toMatchObject({ code: 'STORE_CORRUPT' })
      }
    }
  })

  it('a file cut inside its 100-byte header is STORE_CORRUPT on a read-only open', () => {
    const file = freshFile()
    openSqliteStore({ file }).close()
    truncateSync(file, 50)
    expect(failureOf(() => openSqliteStore({ file, readOnly: true }))).toMatchObject({ code: 'STORE_CORRUPT' })
  })

  it('an empty file holds no Kerjasama schema: a read-only open is STORE_SCHEMA_TOO_OLD at version 0 and leaves it empty', () => {
    const file = freshFile()
    writeFileSync(file, '')
    const failure = failureOf(() => openSqliteStore({ file, readOnly: true }))
    expect(failure).toMatchObject({ code: 'STORE_SCHEMA_TOO_OLD', details: { file, foundVersion: 0 } })
    expect(String(failure.message)).toContain('Open it once for writing (without readOnly)')
    expect(statSync(file).size).toBe(0)
  })

  it('a file behind this library is STORE_SCHEMA_TOO_OLD read-only, and a writing open migrates it so the read-only open then works', async () => {
    const file = freshFile()
    // The file an older release left: every migration but the newest applied.
    const older = MIGRATIONS.slice(0, -1)
    const db = new Database(file)
    db.exec(MIGRATIONS_TABLE)
    for (const migration of older) {
      for (const statement of migration.statements) db.exec(statement)
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '2026-01-01')").run(migration.version, migration.name)
    }
    db.close()
    const newest = Math.max(...MIGRATIONS.map((migration) => migration.version))
    expect(failureOf(() => openSqliteStore({ file, readOnly: true }))).toMatchObject({
      code: 'STORE_SCHEMA_TOO_OLD',
      details: { foundVersion: older.at(-1)?.version ?? 0, neededVersion: newest },
    })
    await openSqliteStore({ file }).close()
    await openSqliteStore({ file, readOnly: true }).close()
  })

  it('a folder given as the file is STORE_MISCONFIGURED naming it, on both opens', () => {
    const folder = dirname(freshFile())
    for (const readOnly of [false, true]) {
      const failure = failureOf(() => openSqliteStore({ file: folder, readOnly }))
      expect(failure).toMatchObject({ code: 'STORE_MISCONFIGURED', details: { cause: 'EISDIR', file: folder } })
      expect(String(failure.message)).toContain('is a folder, not a database file')
    }
  })

  it('a path that runs through a file is STORE_MISCONFIGURED (ENOTDIR), not a missing folder', () => {
    const file = freshFile()
    writeFileSync(file, 'plain file')
    const below = join(file, 'kerjasama.db')
    for (const readOnly of [false, true]) {
      expect(failureOf(() => openSqliteStore({ file: below, readOnly }))).toMatchObject({ code: 'STORE_MISCONFIGURED', details: { cause: 'ENOTDIR' } })
    }
  })

  it('readOnly must be a boolean and needs a file', () => {
    expect(failureOf(() => openSqliteStore({ file: ':memory:', readOnly: true }))).toMatchObject({ code: 'STORE_INPUT_INVALID', details: { field: 'readOnly' } })
    expect(failureOf(() => openSqliteStore({ file: freshFile(), readOnly: 'yes' as never }))).toMatchObject({ code: 'STORE_INPUT_INVALID', details: { field: 'readOnly' } })
  })
})

describe('a read-only store', () => {
  it('reads and verifies, refuses append and read-model transactions with STORE_READ_ONLY, and leaves the file as it was', async () => {
    const file = freshFile()
    const writer = openSqliteStore({ file, tenant: '33.05' })
    await writer.append('agreement-1', events(3), { expectedVersion: 'none' })
    await writer.readModels.declareCollections({ agreements: { indexed: ['status'] } })
    await writer.readModels.transaction('register', async (tx) => tx.put('agreements', 'ks-1', { status: 'signed' }))
    await writer.readModels.acquireLease('projection:register', 'instance-a', 60_000)
    await writer.close()
    const before = readFileSync(file)

    const reader = openSqliteStore({ file, tenant: '33.05', readOnly: true })
    const read = []
    for await (const stored of reader.readStream('agreement-1')) read.push(stored.version)
    expect(read).toEqual([1, 2, 3])
    expect(await reader.verify()).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 3 })
    await expect(reader.append('agreement-1', events(1), { expectedVersion: 3 })).rejects.toMatchObject({ code: 'STORE_READ_ONLY', details: { operation: 'append' } })
    let ran = false
    await expect(
      reader.readModels.transaction('register', async () => {
        ran = true
      }),
    ).rejects.toMatchObject({ code: 'STORE_READ_ONLY' })
    expect(ran).toBe(false)
    expect(await reader.readModels.getCheckpoint('register')).toBe(0n)
    // A reader that never declared queries what the writer declared; every other write is refused.
    expect((await reader.readModels.query('agreements', { where: { status: 'signed' } })).items.map((item) => item.id)).toEqual(['ks-1'])
    expect((await reader.readModels.leaseOf('projection:register'))?.holder).toBe('instance-a')
    await expect(reader.readModels.declareCollections({ agreements: { indexed: ['title'] } })).rejects.toMatchObject({ code: 'STORE_READ_ONLY' })
    await expect(reader.readModels.acquireLease('projection:register', 'instance-b', 60_000)).rejects.toMatchObject({ code: 'STORE_READ_ONLY' })
    await expect(reader.readModels.releaseLease('projection:register', 'instance-a')).rejects.toMatchObject({ code: 'STORE_READ_ONLY' })
    await reader.close()
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

describe('SQLite result codes', () => {
  const cases: Array<[string, string]> = [
    ['SQLITE_BUSY', 'STORE_UNAVAILABLE'],
    ['SQLITE_BUSY_SNAPSHOT', 'STORE_UNAVAILABLE'],
    ['SQLITE_LOCKED', 'STORE_UNAVAILABLE'],
    ['SQLITE_IOERR_SHORT_READ', 'STORE_UNAVAILABLE'],
    ['SQLITE_FULL', 'STORE_UNAVAILABLE'],
    ['SQLITE_CORRUPT', 'STORE_CORRUPT'],
    ['SQLITE_CORRUPT_INDEX', 'STORE_CORRUPT'],
    ['SQLITE_NOTADB', 'STORE_CORRUPT'],
    ['SQLITE_CANTOPEN', 'STORE_MISCONFIGURED'],
    ['SQLITE_READONLY_DIRECTORY', 'STORE_MISCONFIGURED'],
    ['SQLITE_PERM', 'STORE_MISCONFIGURED'],
    ['SQLITE_ERROR', 'STORE_FAILED'],
    ['SQLITE_MISMATCH', 'STORE_FAILED'],
  ]

  it.each(cases)('%s is %s; only the transient ones invite a retry', (sqliteCode, code) => {
    const error = Object.assign(new Error('driver text'), { name: 'SqliteError', code: sqliteCode })
    const mapped = classifySqliteError(error, 'append')
    expect(mapped.code).toBe(code)
    expect(mapped.message.includes('safe to retry')).toBe(code === 'STORE_UNAVAILABLE')
    expect(mapped.message).not.toContain('driver text')
  })
})
