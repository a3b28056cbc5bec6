import pg from 'pg'
import type { Pool } from 'pg'
import { StoreMisconfigured } from '@kerjasama/core'

/** Where the store connects, as far as a message may say: never the password. */
export type ConnectionTarget = { user: string | undefined; host: string | undefined; port: number | undefined; database: string | undefined }

/**
 * Resolves the connection parameters the way pg will (connection string,
 * then the PG* variables, then pg's defaults) without connecting, so an error
 * can name the role, host or database that was refused.
 */
export function connectionTarget(config: pg.ClientConfig): ConnectionTarget {
  try {
    const client = new pg.Client(config)
    return { user: client.user, host: client.host, port: client.port, database: client.database }
  } catch {
    return { user: undefined, host: undefined, port: undefined, database: undefined }
  }
}

/** The configuration a pool was built from: a caller's pool keeps its own. */
export function poolConfig(pool: Pool): pg.ClientConfig {
  return (pool as Pool & { options?: pg.ClientConfig }).options ?? {}
}

const URL_SCHEMES = new Set(['postgres:', 'postgresql:', 'socket:'])

/**
 * pg accepts almost any text as a connection string: "not a url" becomes a
 * relative URL against postgres://base and fails later as an unknown host
 * "base". So a connection string must be a postgres:// (or postgresql://,
 * socket:) URL or a socket folder path, checked before any pool exists. The
 * message never repeats the string: it may hold a password.
 */
export function checkConnectionString(connectionString: string, source: 'connectionString' | 'DATABASE_URL'): void {
  if (connectionString.startsWith('/')) return
  let scheme: string | undefined
  try {
    scheme = new URL(connectionString).protocol
  } catch {
    scheme = undefined
  }
  if (scheme !== undefined && URL_SCHEMES.has(scheme)) return
  throw new StoreMisconfigured(
    {
      id: `${source} bukan URL PostgreSQL yang sah; tuliskan dalam bentuk postgres://pengguna@host:port/basis_data (isinya tidak diulang di sini karena dapat memuat kata sandi)`,
      en: `${source} is not a valid PostgreSQL URL; write it as postgres://user@host:port/database (it is not repeated here, as it may hold a password)`,
    },
    { cause: 'ERR_INVALID_URL', field: source },
  )
}
