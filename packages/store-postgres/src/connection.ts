import pg from 'pg'
import type { Pool } from 'pg'

export type ConnectionOptions = {
  /** A pool you own; the store never ends it. */
  pool?: Pool
  /** Used when no pool is given; default DATABASE_URL, then the standard PG* variables. */
  connectionString?: string
  /** Size of the pool the store creates for itself. Default 10. */
  poolSize?: number
}

export type PoolHandle = { pool: Pool; owned: boolean; end(): Promise<void> }

/** Options are checked (checkPostgresOptions) before this runs. */
export function poolFrom(options: ConnectionOptions, max: number): PoolHandle {
  if (options.pool !== undefined) return { pool: options.pool, owned: false, end: async () => undefined }
  const connectionString = options.connectionString ?? process.env.DATABASE_URL
  const pool = new pg.Pool(connectionString === undefined ? { max } : { connectionString, max })
  // A server-side kill or restart surfaces here for idle clients; the pool
  // drops them and the next query opens a fresh connection.
  pool.on('error', () => undefined)
  let ended: Promise<void> | undefined
  return {
    pool,
    owned: true,
    end: () => {
      ended ??= pool.end()
      return ended
    },
  }
}
