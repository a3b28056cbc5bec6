/**
 * The schema, as numbered migrations. Each migration runs once per database
 * file, recorded in `schema_migrations`; a migration is never edited after
 * release, only followed by a new one. docs/adapters.md quotes these
 * statements verbatim (a test keeps it so).
 */
export type Migration = { version: number; name: string; statements: string[] }

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  applied_at TEXT    NOT NULL
) STRICT`

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, streams, idempotency keys, read models',
    statements: [
      // AUTOINCREMENT, not a plain rowid: a position must never be handed out
      // twice, even if someone deletes the newest row by hand, or a reader
      // that already passed that position would never see the new event.
      `CREATE TABLE events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant         TEXT    NOT NULL,
  stream_id      TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  id             TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (tenant, stream_id, version)
) STRICT`,
      `CREATE INDEX events_by_tenant ON events (tenant, position)`,
      `CREATE TABLE streams (
  tenant    TEXT    NOT NULL,
  stream_id TEXT    NOT NULL,
  version   INTEGER NOT NULL,
  last_hash TEXT    NOT NULL,
  PRIMARY KEY (tenant, stream_id)
) STRICT, WITHOUT ROWID`,
      `CREATE TABLE idempotency_keys (
  tenant                TEXT    NOT NULL,
  idempotency_key       TEXT    NOT NULL,
  stream_id             TEXT    NOT NULL,
  next_expected_version INTEGER NOT NULL,
  first_position        INTEGER NOT NULL,
  last_position         INTEGER NOT NULL,
  PRIMARY KEY (tenant, idempotency_key)
) STRICT, WITHOUT ROWID`,
      `CREATE TABLE read_model_documents (
  tenant     TEXT NOT NULL,
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  document   TEXT NOT NULL,
  PRIMARY KEY (tenant, collection, id)
) STRICT, WITHOUT ROWID`,
      `CREATE TABLE read_model_checkpoints (
  tenant     TEXT    NOT NULL,
  projection TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  revision   INTEGER NOT NULL,
  PRIMARY KEY (tenant, projection)
) STRICT, WITHOUT ROWID`,
    ],
  },
  {
    version: 2,
    name: 'idempotency key fingerprints',
    statements: [
      // Nullable: a key recorded before this migration has no fingerprint and
      // keeps answering with its first result, as it did (docs/guarantees.md R4).
      `ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT`,
    ],
  },
  {
    version: 3,
    name: 'read-model indexes and leases',
    statements: [
      // The fields each collection declared as indexed, as a JSON array in
      // code-point order, so a reader that never declared can query (R14).
      `CREATE TABLE read_model_collections (
  tenant     TEXT NOT NULL,
  collection TEXT NOT NULL,
  indexed    TEXT NOT NULL,
  PRIMARY KEY (tenant, collection)
) STRICT, WITHOUT ROWID`,
      // One row per document, indexed field and value key (indexKeys.ts in
      // core): value_key compares in BINARY (UTF-8 byte, so code-point) order,
      // which is the query order. The primary key is the index a filtered or
      // ordered page walks; ordered = 1 marks the row that places the document
      // in an order by the field.
      `CREATE TABLE read_model_index (
  tenant     TEXT    NOT NULL,
  collection TEXT    NOT NULL,
  field      TEXT    NOT NULL,
  value_key  TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  ordered    INTEGER NOT NULL,
  PRIMARY KEY (tenant, collection, field, value_key, id)
) STRICT, WITHOUT ROWID`,
      `CREATE INDEX read_model_index_by_document ON read_model_index (tenant, collection, id)`,
      // expires_at: milliseconds since the epoch by the clock of the process
      // that wrote it; processes sharing a file share a machine, and its clock (R16).
      `CREATE TABLE read_model_leases (
  tenant     TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  holder     TEXT    NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (tenant, name)
) STRICT, WITHOUT ROWID`,
    ],
  },
  {
    version: 4,
    name: 'snapshots',
    statements: [
      // A stream's folded state at a version, under the reducer version that
      // folded it (R18–R20); state is the JSON text the service digested. A
      // rowid table, unlike the others: a state can run to many pages, and
      // WITHOUT ROWID tables keep whole rows in the primary-key btree.
      `CREATE TABLE snapshots (
  tenant          TEXT    NOT NULL,
  stream_id       TEXT    NOT NULL,
  reducer_version INTEGER NOT NULL,
  version         INTEGER NOT NULL,
  event_hash      TEXT    NOT NULL,
  state_digest    TEXT    NOT NULL,
  state           TEXT    NOT NULL,
  PRIMARY KEY (tenant, stream_id, reducer_version, version)
) STRICT`,
    ],
  },
]
