/**
 * The storage ports. This file is the whole contract an adapter author needs,
 * together with @kerjasama/store-contract (the suite that proves it) and
 * docs/guarantees.md (the numbered requirements R1–R17; snapshots, R18–R21,
 * in snapshotStore.ts).
 */

import type { Role } from './agreement/roles'

/** A region code such as "33.05", or DEFAULT_TENANT when a deployment serves one region. */
export type TenantId = string
export const DEFAULT_TENANT: TenantId = 'default'

/**
 * Who issues a command: a user id, a role, and the party the user speaks for,
 * a region code ("33.05") for the region's officers or a partnerId for a
 * partner's user (a daerah partner's users may give its region code instead).
 */
export type Actor = { id: string; role: Role; actsFor: string }

/**
 * The actor as a store keeps it. Stores hold events of any aggregate and
 * records older than the closed role set or `actsFor`, so what reads back is
 * only known to have an id and a role.
 */
export type RecordedActor = { id: string; role: string; actsFor?: string }

export type EventMetadata = {
  actor: RecordedActor
  correlationId: string
  causationId: string
  /** ISO-8601 instant from the injected clock, never from the store's. */
  recordedAt: string
  /** Anything else a caller records, e.g. the built-in guards a region disabled. */
  [key: string]: unknown
}

export type NewEvent = {
  /** Optional; the store assigns a unique id when absent. */
  id?: string
  type: string
  schemaVersion: number
  data: unknown
  metadata: EventMetadata
}

export type StoredEvent = {
  /** Unique id of the event (ulid from the context, or assigned by the store). */
  id: string
  tenant: TenantId
  streamId: string
  /** Per stream, from 1, gap-free (R3). */
  version: number
  /** Global, strictly increasing in the order readAll delivers (R5). */
  position: bigint
  type: string
  schemaVersion: number
  data: unknown
  metadata: EventMetadata
  /** sha256 over the previous event's hash and this event's content (R11); see integrity.ts. */
  hash: string
}

/**
 * 'none': the stream must not exist yet. 'any': no check. A number: the stream's
 * current version must equal it (0 is the same as 'none').
 */
export type ExpectedVersion = number | 'none' | 'any'

export type AppendOptions = {
  expectedVersion: ExpectedVersion
  /**
   * A second append with the same key (per tenant) and the same fingerprint
   * returns the first result and writes nothing; with another fingerprint it
   * is refused with IDEMPOTENCY_KEY_REUSED and writes nothing (R4).
   */
  idempotencyKey?: string
  /**
   * What the key stands for: a caller-computed digest of the command (at most
   * 200 characters, only with a key). When absent the store derives one from
   * the stream id and each event's type, schema version and data (not ids or
   * metadata, which a retry may change): see appendFingerprint in core.
   */
  idempotencyFingerprint?: string
}

export type AppendResult = {
  streamId: string
  /** The stream's version after the append. */
  nextExpectedVersion: number
  firstPosition: bigint
  lastPosition: bigint
  /** True when the idempotency key had been used and nothing new was written. */
  duplicate: boolean
}

export type ReadStreamOptions = {
  /** Inclusive. Default 1. */
  fromVersion?: number
  /** Inclusive. Default: the last version. */
  toVersion?: number
  /** Which granted tenant's stream; default the store's own tenant. */
  tenant?: TenantId
}

export type ReadAllOptions = {
  /** Inclusive; resume from a checkpoint p with `fromPosition: p + 1n`. Default 1n. */
  fromPosition?: bigint
  /** How many events an adapter fetches per round trip; it never holds more than this in memory. */
  batchSize?: number
}

export type VerifyProblem = { tenant: TenantId; streamId: string; version: number; problem: 'hash-mismatch' | 'version-gap' | 'unreadable' }
export type VerifyReport = { ok: boolean; streamsChecked: number; eventsChecked: number; problems: VerifyProblem[] }

export type TenantScope = {
  /** The tenant this store writes to and reads by default. */
  tenant?: TenantId
  /** Further tenants it may read (a province's reader); it never writes to them. */
  readTenants?: TenantId[]
}

export interface EventStore {
  /** The tenant this store writes to; DEFAULT_TENANT when a deployment serves one region. */
  readonly tenant: TenantId
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>
  /** Every event of the granted tenants, in position order, none skipped (R5, R6). */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>
  /** Recomputes the hash chain of every stream in scope (or one stream) and reports what does not match (R11). */
  verify(options?: { streamId?: string }): Promise<VerifyReport>
  /**
   * Optional wake-up for tailing readers (R17): `listener` is called after
   * appends to a readable tenant commit. It resolves once listening, so an
   * append that commits after that wakes the listener; it resolves to the
   * unsubscribe function. A wake-up is a hint, never a delivery: several
   * appends may give one call, a reconnect may lose one, and an adapter may
   * see only its own process's appends (SQLite). Read with readAll and keep
   * polling as a fallback; a lost wake-up then delays, never stalls.
   */
  subscribe?(listener: () => void): Promise<() => void>
  close(): Promise<void>
}

export type ReadModelDocument = Record<string, unknown>

export interface ReadModelTransaction {
  get(collection: string, id: string): Promise<ReadModelDocument | undefined>
  put(collection: string, id: string, document: ReadModelDocument): Promise<void>
  delete(collection: string, id: string): Promise<void>
  list(collection: string): Promise<Array<{ id: string; document: ReadModelDocument }>>
  /**
   * Commits with the documents, or not at all (R8), compare-and-set (R15):
   * the commit is refused with PROJECTION_CONFLICT, and writes nothing, unless
   * the projection's checkpoint is still `expected`, by default the checkpoint
   * when this transaction began. A runner passes the checkpoint it read its
   * batch from, so two runners that read the same batch can never both commit it.
   */
  setCheckpoint(position: bigint, options?: SetCheckpointOptions): Promise<void>
}

export type SetCheckpointOptions = {
  /** The checkpoint this batch was read from (the position before its first event). */
  expected?: bigint
}

/**
 * A value an indexed field is compared with; an array-valued field matches
 * when one of its items equals it. Types never mix: 5 does not equal '5'.
 */
export type IndexValue = string | number | boolean

/**
 * A filtered, keyset-paginated read of one collection. Only fields the
 * collection declared as indexed may appear in `where`, `orderBy` or `range`:
 * a query the store cannot answer from an index is refused, never answered by
 * scanning (a province's register must not be read whole per page).
 */
export type ReadModelQuery = {
  /** Equality on indexed fields, all of which must hold. */
  where?: Readonly<Record<string, IndexValue>>
  /**
   * An indexed field to order by. Documents where it holds a scalar order by
   * it: booleans (false, true), then numbers (numerically), then strings (by
   * Unicode code point, whatever the database collation); documents where it
   * is absent, null, an array or an object come first. Ties, and the default
   * order, go by document id (code point order). Every matching document
   * appears exactly once, whatever the order.
   */
  orderBy?: string
  /** Default 'asc'; 'desc' reverses the whole order, ties included. */
  direction?: 'asc' | 'desc'
  /**
   * Bounds on the orderBy field (only with orderBy): gte inclusive, lt
   * exclusive, both of one type; only documents whose value has that type
   * and lies within the bounds match.
   */
  range?: { gte?: IndexValue; lt?: IndexValue }
  /** The `next` cursor of the previous page of this same query; a malformed one, or one of another order, is STORE_INPUT_INVALID. */
  after?: string
  /** Page size, a whole number from 1 to 500; default 50. */
  limit?: number
}

export type ReadModelPage = {
  items: Array<{ id: string; document: ReadModelDocument }>
  /** Present when more documents match: pass it as `after` for the next page. Stable under concurrent inserts. */
  next?: string
}

/**
 * The collections a projection writes, each with the fields it declares as
 * indexed (top-level fields holding a scalar or an array of scalars). See
 * ReadModelStore.declareCollections.
 */
export type CollectionIndexes = Readonly<Record<string, { indexed: readonly string[] }>>

/** What a read model's queries need: the documents of the active version, read by id or by indexed fields. */
export interface ReadModelReader {
  get(collection: string, id: string): Promise<ReadModelDocument | undefined>
  query(collection: string, query?: ReadModelQuery): Promise<ReadModelPage>
}

/** A live lease: who holds it and until when (by the store's clock). */
export type Lease = { holder: string; expiresAt: Date }

export interface ReadModelStore extends ReadModelReader {
  /** The last position the projection committed, or 0n when it has none. */
  getCheckpoint(projection: string): Promise<bigint>
  /** Runs `work` in one transaction: every change and the checkpoint commit together, or none do (R8). */
  transaction<T>(projection: string, work: (tx: ReadModelTransaction) => Promise<T>): Promise<T>
  /**
   * Records which fields of each collection are indexed (R14), for this
   * store's tenant, persistently: a reader that never declared can query.
   * Idempotent; declaring a collection again with other fields replaces its
   * index and rebuilds its entries from the stored documents, in one
   * transaction (entries are a function of document and fields, so this
   * gives what a replay would). Collections not named keep their declaration.
   */
  declareCollections(indexes: CollectionIndexes): Promise<void>
  /** Every document of the collection: for small collections only; page through large ones with query. */
  list(collection: string): Promise<Array<{ id: string; document: ReadModelDocument }>>
  /**
   * Takes the lease `name` for `holder` for `ttlMs` (R16): true when it was
   * free, expired, or already this holder's (then renewed to now + ttlMs);
   * false while another holder's lease is live. Leases are rows with an
   * expiry, per tenant, held by no open transaction: a holder that dies
   * simply stops renewing. The clock is the database server's on
   * PostgreSQL and the process's on SQLite and memory.
   */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>
  /** Ends `holder`'s lease at once; false (and nothing changes) when `holder` did not hold it. */
  releaseLease(name: string, holder: string): Promise<boolean>
  /** The live lease, or undefined when none holds it (never taken, released or expired). */
  leaseOf(name: string): Promise<Lease | undefined>
  close(): Promise<void>
}
