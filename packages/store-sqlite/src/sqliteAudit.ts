import { StoreClosed } from '@kerjasama/core'
import { assertIdentifier } from '@kerjasama/core/adapter'
import type { StoreAudit } from '@kerjasama/core'
import { openConnection } from './connection'
import { resolveStoreOptions } from './options'
import { toStoreError } from './sqliteErrors'
import { createSqliteEventStore } from './sqliteEventStore'

export type SqliteAuditOptions = {
  /** Path of an existing database file. */
  file: string
  /** How long a read waits for a lock another process holds (a checkpoint). Default 5000. */
  busyTimeoutMs?: number
}

/**
 * Opens an existing file read-only across all its tenants, for an
 * administrator's check: it lists the tenants and verifies each one's hash
 * chains on one read-only connection. Like `openSqliteStore({ readOnly: true })`
 * it creates, migrates and writes nothing: a missing file is STORE_NOT_FOUND.
 */
export function openSqliteAudit(options: SqliteAuditOptions): StoreAudit {
  const { file, busyTimeoutMs } = (typeof options === 'object' && options !== null ? options : {}) as Partial<SqliteAuditOptions>
  const resolved = resolveStoreOptions({ file, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }), readOnly: true })
  const connection = openConnection(resolved)
  // Tenants come from both tables, so a tenant whose stream heads were
  // removed by hand still appears in the list instead of vanishing from it.
  const tenantsStatement = connection.db.prepare<[], string>('SELECT tenant FROM streams UNION SELECT tenant FROM events ORDER BY tenant').pluck()
  let closed = false
  const assertOpen = (): void => {
    if (closed || !connection.isOpen()) throw new StoreClosed()
  }
  return {
    async tenants() {
      assertOpen()
      try {
        return tenantsStatement.all()
      } catch (error) {
        throw toStoreError(error, 'tenants')
      }
    },
    async verifyTenant(tenant) {
      assertOpen()
      assertIdentifier('tenant', tenant, 64)
      const events = createSqliteEventStore(connection, { tenant, readable: [tenant], maxEventBytes: undefined }, () => undefined)
      return events.verify()
    },
    async close() {
      closed = true
      connection.close()
    },
  }
}
