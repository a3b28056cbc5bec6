import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Pool } from 'pg'
import { connectionTarget } from './connectionTarget'
import type { ConnectionTarget } from './connectionTarget'
import { codeOf, misconfigurationOf } from './pgFailure'

/**
 * Helpers for tests that need a real PostgreSQL server (this package's, the
 * CLI's, the examples'). The connection comes from DATABASE_URL or the
 * standard PG* variables, exactly as the store itself finds it.
 */
export type PostgresAvailability = { available: true } | { available: false; reason: string }

let probe: Promise<PostgresAvailability> | undefined

/**
 * Probes the server once per test file. Unavailable: prints one line saying
 * why the PostgreSQL tests are skipped — unless CI is set, where a missing
 * server is a failure, never a silent skip.
 */
export function postgresAvailability(): Promise<PostgresAvailability> {
  probe ??= probePostgres().then((result) => {
    if (result.available) return result
    if (isContinuousIntegration(process.env)) throw new Error(`CI is set, so PostgreSQL is required, but ${result.reason.replace('PostgreSQL tests skipped: ', '')}`)
    announceOnce(result.reason)
    return result
  })
  return probe
}

/** Connects once with `config` (default: DATABASE_URL or the PG* variables) and says whether tests can run, and if not, why. */
export async function probePostgres(config: pg.ClientConfig = connectionConfig()): Promise<PostgresAvailability> {
  let client: pg.Client | undefined
  try {
    client = new pg.Client(config)
    client.on('error', () => undefined)
    await client.connect()
    await client.query('select 1')
    return { available: true }
  } catch (error) {
    return { available: false, reason: skipReason(error, connectionTarget(config)) }
  } finally {
    await client?.end().catch(() => undefined)
  }
}

/**
 * The one line a skipped run prints. It tells the real reason the way the
 * store itself would: "no server answered" only when none did; a server that
 * answered and refused the role (28000), the password (28P01) or the
 * database (3D000) is named as such, with what to fix.
 */
export function skipReason(error: unknown, target: ConnectionTarget): string {
  const { code, fromServer } = codeOf(error)
  const misconfiguration = misconfigurationOf(error, target)
  const why =
    misconfiguration !== undefined
      ? misconfiguration.text.en
      : fromServer
        ? `the PostgreSQL server at ${describeTarget(target)} answered with SQLSTATE ${code ?? 'unknown'}`
        : `no PostgreSQL server answered at ${describeTarget(target)} (${code ?? 'no answer'})`
  return `PostgreSQL tests skipped: ${why}; set DATABASE_URL or PGHOST/PGPORT/PGUSER/PGDATABASE`
}

/** CI=true (or 1, or any value but false/0): PostgreSQL tests must run, not skip. */
export function isContinuousIntegration(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

// Test files run in separate workers of one vitest process: a marker file
// keyed by that parent process lets only the first of them print the line.
function announceOnce(reason: string): void {
  try {
    writeFileSync(join(tmpdir(), `kerjasama-postgres-skip-${process.ppid}`), reason, { flag: 'wx' })
  } catch {
    return
  }
  console.warn(reason)
}

export type TestSchema = {
  /** A fresh schema name, kerjasama_test_<random>; nothing exists in it until a store is opened. */
  schema: string
  /** A small pool for this test run (superuser or owner connection, as the environment gives it). */
  pool: Pool
  /** Drops the schema and its app role, then ends the pool. */
  cleanup(): Promise<void>
}

export function createTestSchema(options: { poolSize?: number } = {}): TestSchema {
  const schema = `kerjasama_test_${randomBytes(6).toString('hex')}`
  const pool = new pg.Pool({ ...connectionConfig(), max: options.poolSize ?? 4 })
  pool.on('error', () => undefined)
  return {
    schema,
    pool,
    cleanup: async () => {
      await dropTestSchema(pool, schema)
      await pool.end()
    },
  }
}

export async function dropTestSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`drop schema if exists "${schema}" cascade`)
  await pool.query(`drop role if exists "${schema}_app"`)
}

function connectionConfig(): pg.ClientConfig {
  const connectionString = process.env.DATABASE_URL
  return connectionString === undefined ? {} : { connectionString }
}

function describeTarget(target: ConnectionTarget): string {
  return `${target.host ?? 'localhost'}:${target.port ?? 5432}`
}
