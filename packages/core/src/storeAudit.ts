import type { TenantId, VerifyReport } from './store'

/**
 * A read-only view of a whole SQLite file or PostgreSQL schema across its
 * tenants, for an administrator's integrity check (`kerjasama verify`). An
 * adapter opens it without creating, migrating or writing anything. It is
 * not a tenant's store: it reads every tenant, so it belongs to operators,
 * never to a region's application.
 */
export interface StoreAudit {
  /** Every tenant with at least one stream or event, in code-point order. */
  tenants(): Promise<TenantId[]>
  /** Recomputes the hash chain of every stream of one tenant (R11), as that tenant's store.verify() would. */
  verifyTenant(tenant: TenantId): Promise<VerifyReport>
  close(): Promise<void>
}
