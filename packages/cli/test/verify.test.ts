import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewEvent } from '@kerjasama/core'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { runCli } from '../src'

const postgres = await postgresAvailability()

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), env })
  return { code, out, err }
}

function step(name: string, daerah: string): NewEvent {
  return { type: `Step${name}`, schemaVersion: 1, data: { step: name, daerah }, metadata: { actor: { id: 'u-1', role: 'tkksd' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' } }
}

/** Changes a value inside the file the way a hex editor would: same length, no SQL, no hash updated. */
function editInPlace(file: string, from: string, to: string): void {
  const bytes = readFileSync(file)
  const at = bytes.indexOf(from)
  expect(at).toBeGreaterThanOrEqual(0)
  expect(bytes.indexOf(from, at + 1)).toBe(-1)
  expect(to.length).toBe(from.length)
  bytes.write(to, at)
  writeFileSync(file, bytes)
}

describe('kerjasama verify on SQLite', () => {
  let directory: string
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'kerjasama-verify-'))
  })
  afterEach(() => rmSync(directory, { recursive: true, force: true }))

  /** A region's file: Kebumen (33.05) with two agreements, Purworejo (33.06) with one. */
  async function regionFile(): Promise<string> {
    const file = join(directory, 'jateng.db')
    const kebumen = openSqliteStore({ file, tenant: '33.05' })
    await kebumen.append('agreement-gula-merah', [step('identified', '33.05'), step('mapped', '33.05'), step('assessed', '33.05')], { expectedVersion: 'none' })
    await kebumen.append('agreement-setwan', [step('identified', '33.05')], { expectedVersion: 'none' })
    await kebumen.close()
    const purworejo = openSqliteStore({ file, tenant: '33.06' })
    await purworejo.append('agreement-bedug', [step('identified', '33.06'), step('mapped', '33.06')], { expectedVersion: 'none' })
    await purworejo.close()
    return file
  }

  it('checks every tenant in the file, says which and how many streams and events, and exits 0 when all are intact', async () => {
    const { code, out, err } = await run(['verify', '--file', await regionFile()])
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out).toContain('  daerah/tenant 33.05: 2 aliran/streams, 4 peristiwa/events — utuh / intact')
    expect(out).toContain('  daerah/tenant 33.06: 1 aliran/stream, 2 peristiwa/events — utuh / intact')
    expect(out.at(-1)).toBe('Ringkasan / Summary: 2 daerah/tenants, 3 aliran/streams, 6 peristiwa/events — utuh / intact')
  })

  it('a row of tenant 33.05 edited by hand is reported with its tenant, stream and version, and exits 1', async () => {
    const file = await regionFile()
    // The stores are closed, so the WAL is folded into the file: the event's JSON sits in it as plain bytes.
    editInPlace(file, '{"step":"mapped","daerah":"33.05"}', '{"step":"signed","daerah":"33.05"}')

    const { code, out } = await run(['verify', '--file', file])
    expect(code).toBe(1)
    expect(out).toContain('  daerah/tenant 33.05: 2 aliran/streams, 4 peristiwa/events — 1 masalah/problem')
    expect(out).toContain('    MASALAH / PROBLEM hash-mismatch: daerah/tenant 33.05, agreement-gula-merah v2')
    expect(out).toContain('  daerah/tenant 33.06: 1 aliran/stream, 2 peristiwa/events — utuh / intact')
    expect(out.at(-1)).toContain('1 masalah/problem')
  })

  it('--tenant checks only that tenant; a tenant the file does not hold is named and exits 1', async () => {
    const file = await regionFile()
    const only = await run(['verify', '--file', file, '--tenant', '33.06'])
    expect(only.code).toBe(0)
    expect(only.out.filter((line) => line.startsWith('  daerah/tenant'))).toEqual(['  daerah/tenant 33.06: 1 aliran/stream, 2 peristiwa/events — utuh / intact'])

    const absent = await run(['verify', '--file', file, '--tenant', '33.5'])
    expect(absent.code).toBe(1)
    expect(absent.out.join('\n')).toContain('daerah/tenant 33.5: tidak ada dalam penyimpanan ini / not in this store (yang ada / present: 33.05, 33.06)')
  })

  it('opens the file read-only: its bytes stay the same', async () => {
    const file = await regionFile()
    const before = readFileSync(file)
    expect((await run(['verify', '--file', file])).code).toBe(0)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('a missing file is STORE_NOT_FOUND naming it, in one line per language, exit 1, and no file is created', async () => {
    const file = join(directory, 'missing.db')
    const { code, out, err } = await run(['verify', '--file', file])
    expect(code).toBe(1)
    expect(out).toEqual([])
    expect(err).toHaveLength(2)
    expect(err[0]).toMatch(new RegExp(`^STORE_NOT_FOUND: Berkas ${file} tidak ditemukan; tidak ada yang dibuat`))
    expect(err[1]).toMatch(new RegExp(`^STORE_NOT_FOUND: File ${file} does not exist; nothing was created`))
    expect(existsSync(file)).toBe(false)
    expect(readdirSync(directory)).toEqual([])
  })

  it('a text file is STORE_CORRUPT with its cause on the same line, not an invitation to retry', async () => {
    const file = join(directory, 'notes.db')
    writeFileSync(file, 'catatan rapat TKKSD\n'.repeat(40))
    const { code, err } = await run(['verify', '--file', file])
    expect(code).toBe(1)
    expect(err).toHaveLength(2)
    expect(err[1]).toMatch(/^STORE_CORRUPT: The store is damaged: the file is not an SQLite database \(SQLITE_NOTADB\)/)
    expect(err.join('\n')).not.toContain('retry')
  })
})

describe('kerjasama verify on PostgreSQL, before any server answers', () => {
  it("a malformed DATABASE_URL of the process is named as DATABASE_URL and its text, password and all, is never printed", async () => {
    const saved = process.env.DATABASE_URL
    process.env.DATABASE_URL = 'postgres://kebumen:rahasia-sekali@[::1'
    try {
      const { code, err } = await run(['verify', '--store', 'postgres'], process.env)
      expect(code).toBe(1)
      expect(err[1]).toMatch(/^STORE_MISCONFIGURED: The store's configuration needs correcting: DATABASE_URL is not a valid PostgreSQL URL/)
      expect(err.join('\n')).not.toContain('rahasia')
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = saved
    }
  })

  it('a refused connection is STORE_UNAVAILABLE, the one failure that invites a retry, with the network code as its cause', async () => {
    const { code, err } = await run(['verify', '--store', 'postgres'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/kerjasama_test' })
    expect(code).toBe(1)
    expect(err[1]).toBe('STORE_UNAVAILABLE: Store unavailable during open; safe to retry later (a write retried with the same idempotency key is still recorded once) (cause: ECONNREFUSED)')
  })
})

describe.runIf(postgres.available)('kerjasama verify on PostgreSQL', () => {
  it('a schema that does not exist is STORE_NOT_FOUND naming it, and neither the schema nor its role is created', async () => {
    const test = createTestSchema({ poolSize: 1 })
    try {
      const { code, err } = await run(['verify', '--store', 'postgres', '--schema', test.schema])
      expect(code).toBe(1)
      expect(err[1]).toMatch(new RegExp(`^STORE_NOT_FOUND: Schema ${test.schema} in database \\S+ does not exist; nothing was created`))
      expect((await test.pool.query('select 1 from pg_namespace where nspname = $1', [test.schema])).rowCount).toBe(0)
      expect((await test.pool.query('select 1 from pg_roles where rolname = $1', [`${test.schema}_app`])).rowCount).toBe(0)
    } finally {
      await test.cleanup()
    }
  })

  it('after the demo it checks the demo tenant, read-only', async () => {
    const test = createTestSchema({ poolSize: 1 })
    try {
      expect((await run(['demo', '--store', 'postgres', '--schema', test.schema])).code).toBe(0)
      const { code, out } = await run(['verify', '--store', 'postgres', '--schema', test.schema])
      expect(code).toBe(0)
      expect(out).toContainEqual(expect.stringMatching(/^ {2}daerah\/tenant default: 5 aliran\/streams, \d+ peristiwa\/events — utuh \/ intact$/))
      expect(out.at(-1)).toMatch(/^Ringkasan \/ Summary: 1 daerah\/tenant, 5 aliran\/streams/)
    } finally {
      await test.cleanup()
    }
  })

  it('a role the server does not have is STORE_MISCONFIGURED naming the role, in one line per language', async () => {
    const role = `kerjasama_no_role_${randomBytes(4).toString('hex')}`
    const { code, err } = await run(['verify', '--store', 'postgres', '--schema', 'kerjasama_never'], { DATABASE_URL: `postgres://${role}@127.0.0.1:5432/postgres` })
    expect(code).toBe(1)
    expect(err).toHaveLength(2)
    expect(err[1]).toContain(`STORE_MISCONFIGURED: The store's configuration needs correcting: the PostgreSQL server at 127.0.0.1:5432 answered but refused role "${role}" (SQLSTATE 28000)`)
    expect(err[0]).toContain(`menolak peran "${role}"`)
  })
})
