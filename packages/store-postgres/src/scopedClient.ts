import type { Pool, PoolClient } from 'pg'
import { isConnectionError, mapPgError } from './pgErrors'
import type { SchemaNames } from './schemaName'

/** Runs one statement on the scoped client; a driver error comes back coded, never with its SQL. */
export type ScopedQuery = <R>(text: string, values: unknown[]) => Promise<R[]>

/**
 * Runs `work` on one pooled client inside BEGIN ... COMMIT, in `tenant`'s
 * scope (enter_scope: the app role, so row-level security applies). Work that
 * throws rolls back; a client whose connection failed is discarded rather
 * than returned to the pool.
 */
export function inTenantScope<T>(pool: Pool, names: SchemaNames, tenant: string, operation: string, work: (query: ScopedQuery, client: PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, operation, async (query, client) => {
    await query(`select ${names.q('enter_scope')}($1, $1)`, [tenant])
    return work(query, client)
  })
}

/** inTenantScope for work whose first statement enters the scope itself (begin_projection), a round trip fewer. */
export async function inTransaction<T>(pool: Pool, operation: string, work: (query: ScopedQuery, client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient
  try {
    client = await pool.connect()
  } catch (error) {
    throw mapPgError(error, operation)
  }
  let broken = false
  const query: ScopedQuery = async <R>(text: string, values: unknown[]) => {
    try {
      return (await client.query(text, values)).rows as R[]
    } catch (error) {
      if (isConnectionError(error)) broken = true
      throw mapPgError(error, operation)
    }
  }
  try {
    await query('begin', [])
    const result = await work(query, client)
    await query('commit', [])
    return result
  } catch (error) {
    if (!broken) await client.query('rollback').catch(() => (broken = true))
    throw error
  } finally {
    client.release(broken)
  }
}
