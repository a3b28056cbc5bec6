import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { InvalidStoreInput, StoreClosed, StoreUnavailable } from '@kerjasama/core'
import { migrate } from './migrate'
import type { Durability } from './options'
import { toStoreError } from './sqliteErrors'

/** One better-sqlite3 connection, shared by an event store and its read models. */
export type SqliteConnection = {
  readonly db: Database.Database
  /** Names the database file within this process, so stores on one file can coordinate (projection locks). */
  readonly databaseKey: string
  readonly isOpen: () => boolean
  assertOpen(): void
  close(): void
}

export const SYNCHRONOUS_LEVEL: Record<Durability, 'FULL' | 'NORMAL'> = { full: 'FULL', normal: 'NORMAL' }

export function openConnection(options: { file: string; durability: Durability; busyTimeoutMs: number }): SqliteConnection {
  let db: Database.Database
  try {
    db = new Database(options.file, { timeout: options.busyTimeoutMs })
  } catch (error) {
    // A missing folder is a mistake in configuration, not an outage: retrying
    // will not help, so it is named as bad input (SQLite does not create folders).
    if (isPlainPath(options.file) && !existsSync(dirname(resolve(options.file)))) {
      throw new InvalidStoreInput({ id: 'folder untuk file tidak ada; buat folder itu terlebih dahulu', en: 'the folder for file does not exist; create it first' }, { field: 'file' })
    }
    throw new StoreUnavailable('open', { cause: error })
  }
  try {
    // WAL: readers never block the writer nor the writer them, and a commit
    // is one append to the WAL; a process killed mid-commit leaves a torn WAL
    // frame that SQLite ignores on the next open, never a half-applied append.
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${SYNCHRONOUS_LEVEL[options.durability]}`)
    migrate(db)
  } catch (error) {
    db.close()
    throw toStoreError(error, 'open')
  }
  const databaseKey = isPlainPath(options.file) ? resolve(options.file) : `memory:${randomUUID()}`
  return {
    db,
    databaseKey,
    isOpen: () => db.open,
    assertOpen() {
      if (!db.open) throw new StoreClosed()
    },
    close() {
      if (db.open) db.close()
    },
  }
}

/** A file path rather than an in-memory database name. */
function isPlainPath(file: string): boolean {
  return file !== ':memory:' && !file.startsWith('file::memory:')
}
