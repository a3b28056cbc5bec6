import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory holding one database file; `remove` deletes the file and its WAL. */
export function tempDatabase(label = 'kerjasama'): { file: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), `${label}-`))
  return { file: join(directory, 'kerjasama.db'), remove: () => rmSync(directory, { recursive: true, force: true }) }
}
