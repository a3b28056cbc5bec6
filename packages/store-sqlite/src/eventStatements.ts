import type BetterSqlite3 from 'better-sqlite3'

type Database = BetterSqlite3.Database
type Statement<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>

const EVENT_COLUMNS = 'position, tenant, stream_id, version, id, type, schema_version, data, metadata, hash'

/** An events row as read with safeIntegers: every INTEGER column arrives as a bigint. */
export type EventRow = {
  position: bigint
  tenant: string
  stream_id: string
  version: bigint
  id: string
  type: string
  schema_version: bigint
  data: string
  metadata: string
  hash: string
}

export type HeadRow = { version: bigint; last_hash: string }
/** fingerprint is null for a key recorded before migration 2. */
export type IdempotencyRow = { stream_id: string; next_expected_version: bigint; first_position: bigint; last_position: bigint; fingerprint: string | null }
export type StreamKeyRow = { tenant: string; stream_id: string; version: bigint; last_hash: string }

/**
 * Every statement the event store runs, prepared once per connection.
 * safeIntegers: positions are 64-bit and must not round through a double.
 */
export type EventStatements = {
  selectIdempotency: Statement<[string, string], IdempotencyRow>
  selectHead: Statement<[string, string], HeadRow>
  insertEvent: Statement<[string, string, number, string, string, number, string, string, string]>
  upsertHead: Statement<[string, string, number, string]>
  insertIdempotency: Statement<[string, string, string, number, bigint, bigint, string]>
  readStreamBatch: Statement<[string, string, number, number, number], EventRow>
  readAllOneTenantBatch: Statement<[string, bigint, number], EventRow>
  readAllTenantsBatch: Statement<[bigint, string, number], EventRow>
  streamsBatch: Statement<[string, string, string, string, string], StreamKeyRow>
}

export function prepareEventStatements(db: Database): EventStatements {
  const bigints = <P extends unknown[], R>(statement: Statement<P, R>): Statement<P, R> => statement.safeIntegers(true)
  return {
    selectIdempotency: bigints(db.prepare<[string, string], IdempotencyRow>(
      'SELECT stream_id, next_expected_version, first_position, last_position, fingerprint FROM idempotency_keys WHERE tenant = ? AND idempotency_key = ?',
    )),
    selectHead: bigints(db.prepare<[string, string], HeadRow>('SELECT version, last_hash FROM streams WHERE tenant = ? AND stream_id = ?')),
    insertEvent: bigints(db.prepare<[string, string, number, string, string, number, string, string, string]>(
      'INSERT INTO events (tenant, stream_id, version, id, type, schema_version, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )),
    upsertHead: db.prepare<[string, string, number, string]>(
      'INSERT INTO streams (tenant, stream_id, version, last_hash) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash',
    ),
    insertIdempotency: db.prepare<[string, string, string, number, bigint, bigint, string]>(
      'INSERT INTO idempotency_keys (tenant, idempotency_key, stream_id, next_expected_version, first_position, last_position, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    readStreamBatch: bigints(db.prepare<[string, string, number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant = ? AND stream_id = ? AND version >= ? AND version <= ? ORDER BY version LIMIT ?`,
    )),
    // One tenant: the (tenant, position) index yields that tenant's events in
    // position order, skipping every other tenant's rows.
    readAllOneTenantBatch: bigints(db.prepare<[string, bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant = ? AND position >= ? ORDER BY position LIMIT ?`,
    )),
    // Several tenants: walking the table in rowid (= position) order and
    // filtering is already ordered and stops at LIMIT; the unary + keeps the
    // planner from using the tenant index, which would need a sort of every
    // matching row before the first could be returned.
    readAllTenantsBatch: bigints(db.prepare<[bigint, string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND +tenant IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?`,
    )),
    streamsBatch: bigints(db.prepare<[string, string, string, string, string], StreamKeyRow>(
      `SELECT tenant, stream_id, version, last_hash FROM streams
       WHERE tenant IN (SELECT value FROM json_each(?)) AND (tenant, stream_id) > (?, ?) AND (? = '' OR stream_id = ?)
       ORDER BY tenant, stream_id LIMIT 500`,
    )),
  }
}
