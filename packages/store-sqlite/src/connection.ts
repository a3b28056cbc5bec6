import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import Database from 'better-sqlite3'
import { StoreClosed, StoreFailed } from '@kerjasama/core'
import { checkDatabasePath } from './databasePath'
import { migrate } from './migrate'
import { isFilePath } from './options'
import type { Durability } from './options'
import { checkReadableSchema } from './readableSchema'
import { isSqliteError, toStoreError } from './sqliteErrors'
import { writeTurns } from './writeTurns'
import type { WriteTurns } from './writeTurns'

/** One better-sqlite3 connection, shared by an event store and its read models. */
export type SqliteConnection = {
  readonly db: Database.Database
  /** Names the database file within this process, so stores on one file can coordinate (projection locks). */
  readonly databaseKey: string
  /** Every write (append, read-model commit) waits here for its turn at the file's write lock. */
  readonly writeTurns: WriteTurns
  readonly isOpen: () => boolean
  assertOpen(): void
  close(): void
}

const PAGE_CACHE_KIB = 4096

export const SYNCHRONOUS_LEVEL: Record<Durability, 'FULL' | 'NORMAL'> = { full: 'FULL', normal: 'NORMAL' }

export function openConnection(options: { file: string; durability: Durability; busyTimeoutMs: number; readOnly?: boolean }): SqliteConnection {
  if (options.readOnly === true) return openReadOnlyConnection(options)
  if (isFilePath(options.file)) checkDatabasePath(resolve(options.file), { mustExist: false })
  const db = newDatabase(options.file, { timeout: options.busyTimeoutMs })
  try {
    // WAL: readers never block the writer nor the writer them, and a commit
    // is one append to the WAL; a process killed mid-commit leaves a torn WAL
    // frame that SQLite ignores on the next open, never a half-applied append.
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${SYNCHRONOUS_LEVEL[options.durability]}`)
    // A 4 MB page cache, not better-sqlite3's 16 MB: the store is embedded in
    // an app's process, and a long read (a rebuild over 1,000,000 events) fills
    // whatever cache it has. Measured side by side, the rebuild ran no slower
    // and its peak RSS fell by 13–17 MB; the OS keeps the file's pages anyway.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
    migrate(db)
  } catch (error) {
    db.close()
    throw toStoreError(error, 'open')
  }
  const queueFolder = isFilePath(options.file) ? `${resolve(options.file)}-write-queue` : undefined
  return wrapConnection(db, isFilePath(options.file) ? resolve(options.file) : `memory:${randomUUID()}`, writeTurns(db, { queueFolder, busyTimeoutMs: options.busyTimeoutMs }))
}

/**
 * Opens an existing file as it is: SQLite's readonly flag with fileMustExist,
 * so nothing is created (a typo in a path must not leave an empty store that
 * then verifies as intact), no journal mode is set and nothing is migrated.
 */
function openReadOnlyConnection(options: { file: string; busyTimeoutMs: number }): SqliteConnection {
  const file = resolve(options.file)
  checkDatabasePath(file, { mustExist: true })
  const db = newDatabase(file, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs })
  try {
    checkReadableSchema(db, file)
  } catch (error) {
    db.close()
    throw toStoreError(error, 'open')
  }
  // Writes are refused before they reach the connection, so they never line up.
  return wrapConnection(db, file, writeTurns(db, { queueFolder: undefined, busyTimeoutMs: options.busyTimeoutMs }))
}

function newDatabase(file: string, options: Database.Options): Database.Database {
  try {
    return new Database(file, options)
  } catch (error) {
    if (isSqliteError(error)) throw toStoreError(error, 'open')
    throw new StoreFailed('open', error instanceof Error ? error.name : 'unknown', { cause: error })
  }
}

function wrapConnection(db: Database.Database, databaseKey: string, turns: WriteTurns): SqliteConnection {
  return {
    db,
    databaseKey,
    writeTurns: turns,
    isOpen: () => db.open,
    assertOpen() {
      if (!db.open) throw new StoreClosed()
    },
    close() {
      if (db.open) db.close()
    },
  }
}
