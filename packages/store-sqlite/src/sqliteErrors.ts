import { StoreClosed, isKerjasamaError } from '@kerjasama/core'
import { classifySqliteError } from './sqliteFailure'

/**
 * Turns what better-sqlite3 throws into the library's coded errors. The
 * driver's message is kept only as `cause` (it names tables, never values);
 * the error a caller logs says what failed, not which SQL ran.
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (isKerjasamaError(error)) return error
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) return new StoreClosed()
  if (isSqliteError(error)) return classifySqliteError(error, operation)
  return error
}

export function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'SqliteError' && typeof (error as { code?: unknown }).code === 'string'
}

/** The UNIQUE index on events.id refused a row: the caller reused an event id. */
export function isDuplicateEventId(error: unknown): boolean {
  return isSqliteError(error) && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('events.id')
}
