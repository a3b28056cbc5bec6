import { StoreCorrupt, StoreFailed, StoreMisconfigured, StoreUnavailable } from '@kerjasama/core'
import type { KerjasamaError } from '@kerjasama/core'

/**
 * Sorts an SQLite result code into what the caller should do about it. Only a
 * transient failure (a lock not free within busyTimeoutMs, an I/O hiccup, a
 * full disk) invites a retry; a file that is damaged or is not a database at
 * all, or that this process may not open, says what is wrong instead.
 * Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX, …) are sorted by
 * their primary code.
 */
export function classifySqliteError(error: Error & { code: string }, operation: string): KerjasamaError {
  const code = error.code
  const primary = code.split('_').slice(0, 2).join('_')
  if (TRANSIENT.has(primary)) return new StoreUnavailable(operation, { cause: error })
  if (primary === 'SQLITE_CORRUPT' || primary === 'SQLITE_NOTADB') return corrupt(code, error)
  if (MISCONFIGURED.has(primary)) {
    return new StoreMisconfigured(
      {
        id: `SQLite tidak dapat membuka atau menulis berkasnya (${code}). Periksa bahwa path menunjuk ke sebuah berkas (bukan folder) dan bahwa proses ini boleh membaca dan menulis berkas itu serta foldernya`,
        en: `SQLite cannot open or write its file (${code}). Check that the path names a file (not a folder) and that this process may read and write it and its folder`,
      },
      { cause: code },
      { cause: error },
    )
  }
  return new StoreFailed(operation, code, { cause: error })
}

export function corrupt(code: string, error?: unknown): StoreCorrupt {
  const problem =
    code === 'SQLITE_NOTADB'
      ? { id: `berkas ini bukan basis data SQLite (${code})`, en: `the file is not an SQLite database (${code})` }
      : { id: `basis data SQLite ini rusak, misalnya terpotong (${code})`, en: `the SQLite database is damaged, for example truncated (${code})` }
  return new StoreCorrupt(problem, { cause: code }, error === undefined ? undefined : { cause: error })
}

// SQLITE_FULL: the disk is full; a retry once space is freed writes nothing twice.
const TRANSIENT = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL', 'SQLITE_INTERRUPT'])
const MISCONFIGURED = new Set(['SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_READONLY', 'SQLITE_AUTH'])
