import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { KerjasamaError } from '@kerjasama/core'
import { DEFAULT_DEMO_FILE } from './storeOptions'

export class DemoFileExists extends KerjasamaError {
  constructor(file: string) {
    super(
      'CLI_DEMO_FILE_EXISTS',
      {
        id: `Berkas ${file} sudah ada dan bukan berkas demo; tidak ada yang dihapus. Pilih --file lain, atau hilangkan --file untuk memakai berkas demo bawaan (${DEFAULT_DEMO_FILE})`,
        en: `File ${file} already exists and is not a demo file; nothing was deleted. Choose another --file, or leave --file out to use the default demo file (${DEFAULT_DEMO_FILE})`,
      },
      { file },
    )
  }
}

/**
 * The sidecar that says "the demo made this file". It lives next to the file
 * rather than inside it because the CLI only reaches SQLite through the
 * store's EventStore port and cannot write a pragma or table of its own.
 */
export function demoMarkerPath(file: string): string {
  return `${file}.kerjasama-demo.json`
}

type DemoMarker = { createdBy: 'kerjasama demo'; sha256: string | null }

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function readMarker(file: string): DemoMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(demoMarkerPath(file), 'utf8')) as Partial<DemoMarker>
    if (marker.createdBy !== 'kerjasama demo') return undefined
    if (marker.sha256 !== null && typeof marker.sha256 !== 'string') return undefined
    return { createdBy: marker.createdBy, sha256: marker.sha256 }
  } catch {
    return undefined
  }
}

/**
 * The marker binds to the file's bytes, not just its name: if a real database
 * is later copied over a former demo path, or an app writes to it, the hash
 * no longer matches and the file is refused. A null hash means a run was
 * killed between creating the file and sealing it; that file is still ours.
 */
function isOwnDemoFile(file: string): boolean {
  if (!existsSync(file)) return true
  if (file === resolve(DEFAULT_DEMO_FILE)) return true
  const marker = readMarker(file)
  return marker !== undefined && (marker.sha256 === null || marker.sha256 === sha256Of(file))
}

/**
 * Makes the demo's SQLite file empty so its output is the same every run, but
 * only when the demo owns the file; anything else is refused untouched.
 * Returns the absolute path, which is what the demo prints.
 */
export function claimDemoFile(file: string): string {
  const absolute = resolve(file)
  if (!isOwnDemoFile(absolute)) throw new DemoFileExists(absolute)
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${absolute}${suffix}`, { force: true })
  return absolute
}

/** Call once the store has created the file, so a run killed before sealDemoFile still leaves a file the demo owns. */
export function markDemoFileInProgress(file: string): void {
  writeMarker(resolve(file), null)
}

/** Records the finished file's hash; call after the store is closed, when the WAL has been folded into the file. */
export function sealDemoFile(file: string): void {
  const absolute = resolve(file)
  if (existsSync(absolute)) writeMarker(absolute, sha256Of(absolute))
}

function writeMarker(file: string, sha256: string | null): void {
  const marker: DemoMarker = { createdBy: 'kerjasama demo', sha256 }
  writeFileSync(demoMarkerPath(file), `${JSON.stringify(marker, null, 2)}\n`)
}
