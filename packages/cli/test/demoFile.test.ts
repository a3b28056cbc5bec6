import { appendFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { runCli } from '../src'
import { demoMarkerPath } from '../src/demoFile'

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), env: {} })
  return { code, out, err }
}

async function streamsIn(file: string): Promise<string> {
  const verified = await run(['verify', '--file', file])
  expect(verified.code).toBe(0)
  return verified.out.join('\n')
}

describe('kerjasama demo on an SQLite file only recreates a file it owns', () => {
  let directory: string
  // realpath: on macOS tmpdir() is a symlink, and the demo prints the resolved path.
  beforeEach(() => {
    directory = realpathSync(mkdtempSync(join(tmpdir(), 'kerjasama-demo-file-')))
  })
  afterEach(() => rmSync(directory, { recursive: true, force: true }))

  it('refuses an existing non-demo file with CLI_DEMO_FILE_EXISTS in both languages and leaves it and its WAL byte-identical', async () => {
    const file = join(directory, 'records.db')
    writeFileSync(file, 'perjanjian kerja sama yang sah — not a demo')
    writeFileSync(`${file}-wal`, 'uncheckpointed pages')
    const before = readFileSync(file)

    const { code, out, err } = await run(['demo', '--file', file])

    expect(code).not.toBe(0)
    expect(out).toEqual([])
    expect(err).toHaveLength(2)
    expect(err[0]).toContain(`CLI_DEMO_FILE_EXISTS: Berkas ${file} sudah ada dan bukan berkas demo; tidak ada yang dihapus`)
    expect(err[1]).toContain(`CLI_DEMO_FILE_EXISTS: File ${file} already exists and is not a demo file; nothing was deleted`)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(readFileSync(`${file}-wal`, 'utf8')).toBe('uncheckpointed pages')
    expect(existsSync(demoMarkerPath(file))).toBe(false)
  })

  it('refuses a real Kerjasama database that the demo did not create, keeping its bytes', async () => {
    const file = join(directory, 'app.db')
    // An embedding app creates its store; verify only reads it.
    await openSqliteStore({ file, tenant: '33.05' }).close()
    expect(await streamsIn(file)).toContain('0 aliran/streams')
    const before = readFileSync(file)

    expect((await run(['demo', '--store', 'sqlite', '--file', file])).code).not.toBe(0)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(await streamsIn(file)).toContain('0 aliran/streams')
  })

  it('creates a new path, prints its absolute path, and recreates its own file on the next run (also after verify)', async () => {
    const file = join(directory, 'new.db')
    const first = await run(['demo', '--file', file])
    expect(first.code).toBe(0)
    expect(first.out[0]).toBe(`Kerjasama demo — penyimpanan/store: sqlite (${file})`)
    expect(await streamsIn(file)).toContain('5 aliran/streams')

    const second = await run(['demo', '--file', file])
    expect(second.code).toBe(0)
    // Recreated, not appended to: still one run's five agreements.
    expect(await streamsIn(file)).toContain('5 aliran/streams')
  })

  it('refuses a former demo file once something else has written to it', async () => {
    const file = join(directory, 'reused.db')
    expect((await run(['demo', '--file', file])).code).toBe(0)
    appendFileSync(file, 'written by someone else')
    const before = readFileSync(file)

    const { code, err } = await run(['demo', '--file', file])
    expect(code).not.toBe(0)
    expect(err[0]).toMatch(/^CLI_DEMO_FILE_EXISTS/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('still owns a file whose run was killed before it was sealed', async () => {
    const file = join(directory, 'killed.db')
    expect((await run(['demo', '--file', file])).code).toBe(0)
    // What a run killed mid-scenario leaves: the marker written at open, without the final hash.
    writeFileSync(demoMarkerPath(file), JSON.stringify({ createdBy: 'kerjasama demo', sha256: null }))
    appendFileSync(file, 'half-written')

    expect((await run(['demo', '--file', file])).code).toBe(0)
    expect(await streamsIn(file)).toContain('5 aliran/streams')
  })

  it('always recreates the default demo file, even without a marker, and repeats', async () => {
    const previous = process.cwd()
    process.chdir(directory)
    try {
      const file = join(directory, 'kerjasama-demo.db')
      writeFileSync(file, 'left over from an older version of the demo')
      const first = await run(['demo'])
      expect(first.code).toBe(0)
      expect(first.out[0]).toBe(`Kerjasama demo — penyimpanan/store: sqlite (${file})`)
      expect((await run(['demo'])).code).toBe(0)
      expect(await streamsIn(file)).toContain('5 aliran/streams')
    } finally {
      process.chdir(previous)
    }
  })
})
