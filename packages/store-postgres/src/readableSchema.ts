import { StoreSchemaTooOld } from '@kerjasama/core'
import type { Pool } from 'pg'
import type { ConnectionTarget } from './connectionTarget'
import { LATEST_SCHEMA_VERSION } from './migrate'
import { schemaNotFound } from './pgFailure'
import type { SchemaNames } from './schemaName'

/**
 * What a read-only open checks instead of migrating: the schema exists
 * (no CREATE SCHEMA, no role is created) and is at least at this library's
 * version. A missing schema is STORE_NOT_FOUND naming it and its database.
 */
export async function checkReadableSchema(pool: Pool, names: SchemaNames, target: ConnectionTarget): Promise<void> {
  const found = await pool.query<{ present: boolean; tracked: boolean }>(
    'select exists (select from pg_namespace where nspname = $1) as present, to_regclass($2) is not null as tracked',
    [names.schema, names.q('migrations')],
  )
  const { present, tracked } = found.rows[0] ?? { present: false, tracked: false }
  if (!present) throw schemaNotFound(names.schema, target)
  const version = tracked ? Number((await pool.query<{ version: number }>(`select coalesce(max(version), 0) as version from ${names.q('migrations')}`)).rows[0]?.version ?? 0) : 0
  if (version < LATEST_SCHEMA_VERSION) {
    const location = target.database === undefined ? { kind: 'schema' as const, name: names.schema } : { kind: 'schema' as const, name: names.schema, database: target.database }
    throw new StoreSchemaTooOld(location, version, LATEST_SCHEMA_VERSION)
  }
}
