import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Pool } from 'pg'

/**
 * Helpers for tests that need a real PostgreSQL server (this package's, the
 * CLI's, the examples'). The connection comes from DATABASE_URL or the
 * standard PG* variables, exactly as the store itself finds it.
 */
export type PostgresAvailability = { available: true } | { available: false; reason: string }

let probe: Promise<PostgresAvailability> | undefined

/**
 * Probes the server once per test file. Unreachable: prints one line saying
 * why the PostgreSQL tests are skipped — unless CI is set, where a missing
 * server is a failure, never a silent skip.
 */
export function postgresAvailability(): Promise<PostgresAvailability> {
  probe ??= (async (): Promise<PostgresAvailability> => {
    const client = new pg.Client(connectionConfig())
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.query('select 1')
      return { available: true }
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'no answer'
      const reason = `PostgreSQL tests skipped: no server reachable at ${describeTarget()} (${code}); set DATABASE_URL or PGHOST/PGPORT/PGUSER/PGDATABASE`
      if (process.env.CI) throw new Error(`CI is set, so PostgreSQL is required, but ${reason.replace('PostgreSQL tests skipped: ', '')}`)
      announceOnce(reason)
      return { available: false, reason }
    } finally {
      await client.end().catch(() => undefined)
    }
  })()
  return probe
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

function describeTarget(): string {
  if (process.env.DATABASE_URL !== undefined) return 'DATABASE_URL'
  return `${process.env.PGHOST ?? 'localhost'}:${process.env.PGPORT ?? '5432'}`
}
