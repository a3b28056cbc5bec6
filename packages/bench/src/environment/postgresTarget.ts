import pg from 'pg'

/**
 * The PostgreSQL server every PostgreSQL subject uses, from the PG*
 * variables, with the development machine's defaults (127.0.0.1, postgres)
 * for the ones not set. The bench creates databases of its own on it and
 * drops them at the end; the admin connection goes to PGDATABASE (or postgres).
 */
export type PostgresTarget = { host: string; port: number; user: string; adminDatabase: string }

export function postgresTarget(env: NodeJS.ProcessEnv = process.env): PostgresTarget {
  return {
    host: env.PGHOST ?? '127.0.0.1',
    port: Number(env.PGPORT ?? 5432),
    user: env.PGUSER ?? 'postgres',
    adminDatabase: env.PGDATABASE ?? 'postgres',
  }
}

/** A connection string for `database`; the password, if any, comes from PGPASSWORD as pg reads it, never from here. */
export function connectionStringFor(target: PostgresTarget, database: string): string {
  return `postgresql://${encodeURIComponent(target.user)}@${target.host}:${target.port}/${encodeURIComponent(database)}`
}

export async function withAdminClient<T>(target: PostgresTarget, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: target.host, port: target.port, user: target.user, database: target.adminDatabase })
  client.on('error', () => undefined)
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Undefined when the server answers; otherwise the one line saying why the PostgreSQL subjects cannot run. */
export async function postgresUnavailableReason(target: PostgresTarget): Promise<string | undefined> {
  try {
    await withAdminClient(target, (client) => client.query('select 1'))
    return undefined
  } catch (error) {
    const code = (error as { code?: string }).code
    return `no usable PostgreSQL at ${target.host}:${target.port} as ${target.user} (${code ?? (error as Error).message}); set PGHOST/PGPORT/PGUSER/PGDATABASE`
  }
}
