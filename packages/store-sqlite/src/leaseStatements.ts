import type BetterSqlite3 from 'better-sqlite3'

type Statement<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>

/** Lease rows (R16); every statement takes "now" as a parameter, from the process clock. */
export type LeaseStatements = {
  /** Returns the holder when the lease was taken or renewed, nothing when another holds it. */
  acquire: Statement<[{ tenant: string; name: string; holder: string; expiresAt: number; now: number }], string>
  release: Statement<[string, string, string, number]>
  live: Statement<[string, string, number], { holder: string; expires_at: number }>
}

export function prepareLeaseStatements(db: BetterSqlite3.Database): LeaseStatements {
  return {
    acquire: db
      .prepare<[{ tenant: string; name: string; holder: string; expiresAt: number; now: number }], string>(
        `INSERT INTO read_model_leases (tenant, name, holder, expires_at) VALUES (@tenant, @name, @holder, @expiresAt)
         ON CONFLICT (tenant, name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE read_model_leases.holder = excluded.holder OR read_model_leases.expires_at <= @now
         RETURNING holder`,
      )
      .pluck(),
    release: db.prepare<[string, string, string, number]>('DELETE FROM read_model_leases WHERE tenant = ? AND name = ? AND holder = ? AND expires_at > ?'),
    live: db.prepare<[string, string, number], { holder: string; expires_at: number }>('SELECT holder, expires_at FROM read_model_leases WHERE tenant = ? AND name = ? AND expires_at > ?'),
  }
}
