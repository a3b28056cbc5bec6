import type { Pool } from 'pg'
import { functionsV1 } from './functionsV1'
import { readModelFunctionsV1 } from './readModelFunctionsV1'
import { readModelFunctionsV4 } from './readModelFunctionsV4'
import { schemaV1 } from './schemaV1'
import { schemaV2 } from './schemaV2'
import { schemaV3 } from './schemaV3'
import { schemaV4 } from './schemaV4'
import { schemaV5 } from './schemaV5'
import { schemaV6 } from './schemaV6'
import { schemaV7 } from './schemaV7'
import { schemaV8 } from './schemaV8'
import type { SchemaNames } from './schemaName'

type Migration = { version: number; statements: (names: SchemaNames) => string[] }

/** Append-only: a released migration is never edited, a change is a new entry. */
const MIGRATIONS: Migration[] = [
  { version: 1, statements: (names) => [...schemaV1(names), ...functionsV1(names), ...readModelFunctionsV1(names)] },
  { version: 2, statements: schemaV2 },
  { version: 3, statements: schemaV3 },
  { version: 4, statements: (names) => [...schemaV4(names), ...readModelFunctionsV4(names)] },
  { version: 5, statements: schemaV5 },
  { version: 6, statements: schemaV6 },
  { version: 7, statements: schemaV7 },
  { version: 8, statements: schemaV8 },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length

/**
 * Brings the schema up to date. Several app instances may start at once: the
 * transaction-scoped advisory lock (keyed by the schema name) makes the second
 * one wait, then find every migration already recorded and do nothing. DDL is
 * transactional in PostgreSQL, so a migration that fails half-way leaves no trace.
 */
export async function migrate(pool: Pool, names: SchemaNames): Promise<void> {
  const client = await pool.connect()
  let failure: unknown
  try {
    await client.query('begin')
    await client.query(`select pg_advisory_xact_lock(hashtextextended('kerjasama.migrate.' || $1, 0))`, [names.schema])
    await client.query(`create schema if not exists "${names.schema}"`)
    await client.query(`create table if not exists ${names.q('migrations')} (version integer primary key, applied_at timestamptz not null default now())`)
    const applied = await client.query<{ version: number }>(`select version from ${names.q('migrations')}`)
    const done = new Set(applied.rows.map((row) => row.version))
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue
      for (const statement of migration.statements(names)) await client.query(statement)
      await client.query(`insert into ${names.q('migrations')} (version) values ($1)`, [migration.version])
    }
    await client.query('commit')
  } catch (error) {
    failure = error
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release(failure instanceof Error && !('severity' in failure) ? failure : undefined)
  }
}
