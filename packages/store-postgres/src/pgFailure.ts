import { StoreCorrupt, StoreFailed, StoreMisconfigured, StoreNotFound, StoreUnavailable } from '@kerjasama/core'
import type { KerjasamaError } from '@kerjasama/core'
import type { ConnectionTarget } from './connectionTarget'

type PgLikeError = { code?: unknown; severity?: unknown }

/**
 * What a failure from pg means for the caller, beyond the few SQLSTATEs the
 * store handles itself (version conflict, reused event id, refused value).
 * Only a transient failure invites a retry: the connection was lost or
 * refused, the server is shutting down or out of connections, a lock or
 * statement timed out, a deadlock or serialization conflict. A refused role,
 * password, database or host is STORE_MISCONFIGURED naming what to fix; data
 * the server reports as corrupted is STORE_CORRUPT; anything else is
 * STORE_FAILED, which does not pretend a retry would help.
 */
export function classifyPgFailure(error: unknown, operation: string, target?: ConnectionTarget): KerjasamaError {
  const { code, fromServer } = codeOf(error)
  // Only the code travels as the cause: the driver's message can quote a row or the statement.
  const cause = code === undefined ? error : fromServer ? { sqlstate: code } : { code }
  const problem = misconfigurationOf(error, target)
  if (problem !== undefined) return new StoreMisconfigured(problem.text, { cause: problem.cause }, { cause: code === 'ENOTFOUND' ? error : { code } })
  if (!fromServer) return new StoreUnavailable(operation, { cause })
  const sqlstate = code ?? 'unknown'
  if (sqlstate === 'XX001' || sqlstate === 'XX002') {
    return new StoreCorrupt(
      { id: `server PostgreSQL melaporkan data atau indeks yang rusak (SQLSTATE ${sqlstate})`, en: `the PostgreSQL server reports damaged data or a damaged index (SQLSTATE ${sqlstate})` },
      { cause: `SQLSTATE ${sqlstate}` },
      { cause },
    )
  }
  if (isTransientSqlstate(sqlstate)) return new StoreUnavailable(operation, { cause })
  return new StoreFailed(operation, `SQLSTATE ${sqlstate}`, { cause })
}

/**
 * The setting to correct, when the failure is one of configuration: a role,
 * password, database or host that was refused, a malformed URL, missing
 * rights, a read-only server. `cause` is the code as a message shows it.
 */
export function misconfigurationOf(error: unknown, target: ConnectionTarget = UNKNOWN_TARGET): { text: Problem; cause: string } | undefined {
  const { code, fromServer } = codeOf(error)
  if (!fromServer) {
    if (code === 'ENOTFOUND') return { text: unknownHost(target), cause: code }
    // pg's URL parser; its error carries the input (pg redacts it), so only the code is ever kept.
    if (code === 'ERR_INVALID_URL') return { text: MALFORMED_URL, cause: code }
    return undefined
  }
  const sqlstate = code ?? 'unknown'
  const describe = MISCONFIGURATIONS[sqlstate] ?? (sqlstate.startsWith('28') ? MISCONFIGURATIONS['28000'] : undefined)
  return describe === undefined ? undefined : { text: describe(target, sqlstate), cause: `SQLSTATE ${sqlstate}` }
}

/** The driver's code, and whether the server sent it (a server error has a severity; a network error does not). */
export function codeOf(error: unknown): { code: string | undefined; fromServer: boolean } {
  const pg = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError
  return { code: typeof pg.code === 'string' ? pg.code : undefined, fromServer: typeof pg.severity === 'string' }
}

/** A schema the read-only open did not find, in the database it looked in. */
export function schemaNotFound(schema: string, target: ConnectionTarget): StoreNotFound {
  return new StoreNotFound(target.database === undefined ? { kind: 'schema', name: schema } : { kind: 'schema', name: schema, database: target.database })
}

function isTransientSqlstate(sqlstate: string): boolean {
  return (
    sqlstate.startsWith('08') || // connection exception
    sqlstate.startsWith('53') || // insufficient resources: too many connections, disk full, out of memory
    sqlstate.startsWith('58') || // system error: I/O
    ['57P01', '57P02', '57P03', '57P05', '57014', '40001', '40P01', '55P03', '25P03'].includes(sqlstate)
  )
}

type Problem = { id: string; en: string }
const UNKNOWN_TARGET: ConnectionTarget = { user: undefined, host: undefined, port: undefined, database: undefined }

function server(target: ConnectionTarget): Problem {
  if (target.host === undefined) return { id: 'server PostgreSQL', en: 'the PostgreSQL server' }
  const at = `${target.host}${target.port === undefined ? '' : `:${target.port}`}`
  return { id: `server PostgreSQL di ${at}`, en: `the PostgreSQL server at ${at}` }
}

/** `role "x"`, or `the role in use` when the name is not known (a caller's pool). */
function named(noun: Problem, value: string | undefined, unknown: Problem): Problem {
  return value === undefined ? unknown : { id: `${noun.id} "${value}"`, en: `${noun.en} "${value}"` }
}

function roleOf(target: ConnectionTarget): Problem {
  return named({ id: 'peran', en: 'role' }, target.user, { id: 'peran yang dipakai', en: 'the role in use' })
}

const MISCONFIGURATIONS: Record<string, (target: ConnectionTarget, sqlstate: string) => Problem> = {
  '28000': (target, sqlstate) => {
    const where = server(target)
    const role = roleOf(target)
    return {
      id: `${where.id} menjawab, tetapi menolak ${role.id} (SQLSTATE ${sqlstate}): peran itu tidak ada atau tidak diizinkan masuk (pg_hba.conf). Periksa PGUSER atau nama pengguna dalam DATABASE_URL`,
      en: `${where.en} answered but refused ${role.en} (SQLSTATE ${sqlstate}): the role does not exist or may not connect (pg_hba.conf). Check PGUSER or the user name in DATABASE_URL`,
    }
  },
  '28P01': (target, sqlstate) => {
    const where = server(target)
    const role = roleOf(target)
    return {
      id: `${where.id} menjawab, tetapi menolak kata sandi untuk ${role.id} (SQLSTATE ${sqlstate}). Periksa PGPASSWORD atau kata sandi dalam DATABASE_URL`,
      en: `${where.en} answered but rejected the password for ${role.en} (SQLSTATE ${sqlstate}). Check PGPASSWORD or the password in DATABASE_URL`,
    }
  },
  '3D000': (target, sqlstate) => databaseMissing(target, sqlstate),
  '57P04': (target, sqlstate) => databaseMissing(target, sqlstate),
  '42501': (target, sqlstate) => {
    const role = roleOf(target)
    return {
      id: `${role.id} tidak berhak atas skema atau tabel penyimpanan (SQLSTATE ${sqlstate}). Sambungkan sebagai pemilik skema (peran yang memigrasikannya) atau berikan haknya`,
      en: `${role.en} lacks rights on the store's schema or tables (SQLSTATE ${sqlstate}). Connect as the schema's owner (the role that migrated it) or grant the rights`,
    }
  },
  '25006': (_target, sqlstate) => ({
    id: `server ini hanya dapat dibaca, misalnya sebuah standby (SQLSTATE ${sqlstate}). Sambungkan ke server utama (primary)`,
    en: `this server is read-only, a standby for instance (SQLSTATE ${sqlstate}). Connect to the primary`,
  }),
}

function databaseMissing(target: ConnectionTarget, sqlstate: string): Problem {
  const where = server(target)
  const database = named({ id: 'basis data', en: 'database' }, target.database, { id: 'basis data yang diminta', en: 'the database asked for' })
  return {
    id: `${where.id} menjawab, tetapi ${database.id} tidak ada (SQLSTATE ${sqlstate}). Periksa PGDATABASE atau nama basis data dalam DATABASE_URL, atau buat basis data itu`,
    en: `${where.en} answered, but ${database.en} does not exist (SQLSTATE ${sqlstate}). Check PGDATABASE or the database name in DATABASE_URL, or create that database`,
  }
}

const MALFORMED_URL: Problem = {
  id: 'URL sambungan PostgreSQL tidak sah; tuliskan dalam bentuk postgres://pengguna@host:port/basis_data',
  en: 'the PostgreSQL connection URL is not valid; write it as postgres://user@host:port/database',
}

function unknownHost(target: ConnectionTarget | undefined): Problem {
  const host = named({ id: 'nama host', en: 'the host name' }, target?.host, { id: 'nama host server', en: "the server's host name" })
  return {
    id: `${host.id} tidak dikenal (ENOTFOUND). Periksa PGHOST atau nama host dalam DATABASE_URL`,
    en: `${host.en} is not known (ENOTFOUND). Check PGHOST or the host name in DATABASE_URL`,
  }
}
