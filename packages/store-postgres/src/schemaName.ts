import { InvalidStoreInput } from '@kerjasama/core'

/**
 * The schema name ends up inside DDL, role names and the NOTIFY channel, where
 * parameters cannot go. So it is held to a plain lower-case identifier, and
 * short enough that `<schema>_app` and `<schema>_events` still fit in
 * PostgreSQL's 63-byte identifier limit. Every use is also double-quoted.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/

export type SchemaNames = {
  schema: string
  /** The NOLOGIN role every store transaction switches to, so row-level security applies. */
  appRole: string
  /** The LISTEN/NOTIFY channel appends announce themselves on. */
  channel: string
  /** `"schema".` ready to prefix a table or function name. */
  q: (object: string) => string
}

export function schemaNames(schema: unknown): SchemaNames {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new InvalidStoreInput({ id: 'schema harus berupa pengenal berhuruf kecil paling panjang 48 karakter', en: 'schema must be a lower-case identifier of at most 48 characters' }, { field: 'schema' })
  }
  return {
    schema,
    appRole: `${schema}_app`,
    channel: `${schema}_events`,
    q: (object) => `"${schema}".${object}`,
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * Tenant lists travel in one setting. The unit separator cannot occur in a
 * tenant id (core refuses control characters), so no tenant id can smuggle a
 * second tenant into the list.
 */
export const TENANT_SEPARATOR = '\u001f'

export function tenantList(tenants: readonly string[]): string {
  return tenants.join(TENANT_SEPARATOR)
}
