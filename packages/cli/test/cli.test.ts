import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { COMMANDS, parseCommandLine, runCli } from '../src'

// Without a reachable server this prints one line saying why the PostgreSQL
// demo is not run (and fails instead when CI is set).
const postgres = await postgresAvailability()

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), env: {} })
  return { code, out, err }
}

describe('kerjasama cli', () => {
  it('demo on the memory store prints each path and the refused ceremonial steps with their reasons', async () => {
    const { code, out } = await run(['demo', '--store', 'memory'])
    const text = out.join('\n')
    expect(code).toBe(0)
    expect(text).toContain('DITOLAK / REFUSED')
    expect(text).toContain('NOT_AUTHORIZED')
    expect(text).toContain('GUARD_VIOLATION')
    expect(text).toMatch(/kebumen-gula-merah: identified → mapped → coordinated → signed → implemented → evaluated/)
    expect(text).toMatch(/urusan-absolut: identified$/m)
    expect(text).toContain('utuh / intact')
  })

  it('demo then prints the register, the urusan matrix and the watchlist, where the ceremonial agreements appear with their reasons', async () => {
    const { code, out } = await run(['demo', '--store', 'memory'])
    const text = out.join('\n')
    expect(code).toBe(0)
    expect(text).toContain('Register kerja sama / Agreement register (5)')
    expect(text).toMatch(/^ {2}33\.05 +2 +1 +2 +1 +·$/m)
    expect(text).toContain('STALLED_IN_STAGE — Promosi pariwisata bersama')
    expect(text).toContain('Tertahan pada tahap terkoordinasi lebih dari 180 hari')
    expect(text).toContain('ACTION_OVERDUE — Pemasaran gula merah melalui toko daring')
    expect(text).toContain('1 work-plan action is past due and not completed')
  })

  it('demo on an SQLite file recreates it each run; verify then reads the same chain back', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kerjasama-cli-'))
    try {
      const file = join(directory, 'demo.db')
      expect((await run(['demo', '--file', file])).code).toBe(0)
      const second = await run(['demo', '--store', 'sqlite', '--file', file])
      expect(second.code).toBe(0)
      const verified = await run(['verify', '--file', file])
      expect(verified.code).toBe(0)
      // Recreated, not appended to: one run's five agreements.
      expect(verified.out.join('\n')).toContain('5 aliran/streams')
      expect(verified.out.join('\n')).toContain('utuh / intact')
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })

  it.runIf(postgres.available)('demo on PostgreSQL runs the same scenario and verifies its chain', async () => {
    const test = createTestSchema({ poolSize: 1 })
    try {
      const { code, out } = await run(['demo', '--store', 'postgres', '--schema', test.schema])
      expect(code).toBe(0)
      expect(out.join('\n')).toContain('ABSOLUTE_AFFAIR')
      expect(out.join('\n')).toContain('utuh / intact')
    } finally {
      await test.cleanup()
    }
  })

  it('verify on an empty memory store reports an intact chain', async () => {
    const { code, out } = await run(['verify', '--store', 'memory'])
    expect(code).toBe(0)
    expect(out.join('\n')).toContain('0 aliran/streams')
  })

  it('an unknown store or argument is a usage error with exit code 2', async () => {
    expect((await run(['demo', '--store', 'oracle'])).code).toBe(2)
    expect((await run(['frobnicate'])).code).toBe(2)
  })

  it('parses options in both --flag value and --flag=value forms; sqlite is the default store', () => {
    expect(parseCommandLine(['demo'], COMMANDS)).toMatchObject({ kind: 'run', command: { name: 'demo' }, selection: { store: 'sqlite', file: './kerjasama-demo.db' } })
    expect(parseCommandLine(['--', 'verify', '--store=postgres', '--schema', 'x'], COMMANDS)).toMatchObject({
      kind: 'run',
      command: { name: 'verify' },
      selection: { store: 'postgres', schema: 'x' },
    })
  })
})
