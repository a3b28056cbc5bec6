import { statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { dirname } from 'node:path'
import { InvalidStoreInput, StoreMisconfigured, StoreNotFound } from '@kerjasama/core'

/**
 * Looks at the path before SQLite does. SQLite reports every one of these
 * cases as "unable to open database file" (or, for a folder opened read-only,
 * as a disk I/O error, which would read as an outage); checked here, each
 * gets a code and a message that says what to fix. `file` is absolute.
 */
export function checkDatabasePath(file: string, mode: { mustExist: boolean }): void {
  const found = statOf(file)
  if (found?.isDirectory()) {
    throw new StoreMisconfigured(
      { id: `path ${file} adalah folder, bukan berkas basis data; berikan path sebuah berkas`, en: `the path ${file} is a folder, not a database file; give the path of a file` },
      { cause: 'EISDIR', file },
    )
  }
  if (found !== undefined) return
  const folder = dirname(file)
  const parent = statOf(folder)
  if (parent !== undefined && !parent.isDirectory()) {
    throw new StoreMisconfigured(
      { id: `${folder} dalam path ${file} adalah berkas, bukan folder; periksa path-nya`, en: `${folder} in the path ${file} is a file, not a folder; check the path` },
      { cause: 'ENOTDIR', file },
    )
  }
  if (mode.mustExist) throw new StoreNotFound({ kind: 'file', name: file })
  // A missing folder is a mistake in configuration, not an outage: SQLite
  // does not create folders, and a retry will not either.
  if (parent === undefined) {
    throw new InvalidStoreInput({ id: 'folder untuk file tidak ada; buat folder itu terlebih dahulu', en: 'the folder for file does not exist; create it first' }, { field: 'file' })
  }
}

/** undefined when nothing is there (ENOENT, or a parent in the path that is not a folder). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch (error) {
    const code = String((error as { code?: unknown }).code)
    if (code === 'ENOTDIR') return undefined
    throw new StoreMisconfigured(
      { id: `proses ini tidak dapat memeriksa ${path} (${code}); periksa hak akses folder-foldernya`, en: `this process cannot look at ${path} (${code}); check the permissions of its folders` },
      { cause: code },
    )
  }
}
