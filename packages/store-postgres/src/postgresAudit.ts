import { StoreClosed, StoreMisconfigured } from '@kerjasama/core'
import { assertIdentifier } from '@kerjasama/core/adapter'
import type { StoreAudit } from '@kerjasama/core'
import type { ConnectionOptions } from './connection'
import { openSchema } from './openPostgresStore'
import { mapPgError } from './pgErrors'
import { createPostgresEventStore } from './postgresEventStore'

export type PostgresAuditOptions = ConnectionOptions & {
  /** The schema to check (default "kerjasama"). */
  schema?: string
}

/**
 * Opens an existing schema read-only across all its tenants, for an
 * administrator's check: it lists the tenants and verifies each one's hash
 * chains on one pool. Like `openPostgresStore({ readOnly: true })` it creates
 * no schema or role and migrates nothing. Listing every tenant needs a role
 * that row-level security does not restrict: the schema's owner (the role
 * that migrated it) or a superuser; any other role is refused with
 * STORE_MISCONFIGURED rather than shown an empty schema.
 */
export async function openPostgresAudit(options: PostgresAuditOptions = {}): Promise<StoreAudit> {
  const { pool, connectionString, poolSize, schema } = (typeof options === 'object' && options !== null ? options : {}) as PostgresAuditOptions
  const { checked, handle, target } = await openSchema({ pool, connectionString, poolSize, schema, readOnly: true })
  const { names } = checked
  try {
    const limited = await handle.pool.query<{ limited: boolean }>('select row_security_active($1::regclass) as limited', [names.q('streams')])
    if (limited.rows[0]?.limited === true) {
      const role = target.user === undefined ? { id: 'peran yang dipakai', en: 'the role in use' } : { id: `peran "${target.user}"`, en: `role "${target.user}"` }
      throw new StoreMisconfigured(
        {
          id: `${role.id} dibatasi row-level security pada skema ${names.schema}, sehingga tidak melihat daerah mana pun. Sambungkan sebagai pemilik skema (peran yang memigrasikannya) atau superuser`,
          en: `${role.en} is restricted by row-level security on schema ${names.schema}, so it sees no tenant at all. Connect as the schema's owner (the role that migrated it) or a superuser`,
        },
        { cause: 'row-level security', schema: names.schema },
      )
    }
  } catch (error) {
    await handle.end()
    throw mapPgError(error, 'open')
  }
  let closed = false
  const assertOpen = (): void => {
    if (closed) throw new StoreClosed()
  }
  return {
    async tenants() {
      assertOpen()
      try {
        // Both tables, so a tenant whose stream heads were removed by hand still appears in the list.
        const result = await handle.pool.query<{ tenant: string }>(
          `select tenant from (select tenant from ${names.q('streams')} union select tenant from ${names.q('events')}) as present order by tenant collate "C"`,
        )
        return result.rows.map((row) => row.tenant)
      } catch (error) {
        throw mapPgError(error, 'tenants')
      }
    },
    async verifyTenant(tenant) {
      assertOpen()
      assertIdentifier('tenant', tenant, 64)
      const events = createPostgresEventStore(handle.pool, { ...checked, tenant, readable: [tenant], notify: false }, async () => undefined)
      return events.verify()
    },
    async close() {
      closed = true
      await handle.end()
    },
  }
}
