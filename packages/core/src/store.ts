/**
 * The storage ports. This file is the whole contract an adapter author needs,
 * together with @kerjasama/store-contract (the suite that proves it) and
 * docs/guarantees.md (the numbered requirements R1–R12).
 */

/** A region code such as "33.05", or DEFAULT_TENANT when a deployment serves one region. */
export type TenantId = string
export const DEFAULT_TENANT: TenantId = 'default'

export type Actor = { id: string; role: string }

export type EventMetadata = {
  actor: Actor
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
  /**
   * What the key stands for: a caller-computed digest of the command (at most
   * 200 characters, only with a key). When absent the store derives one from
   * the stream id and each event's type, schema version and data (not ids or
   * metadata, which a retry may change): see appendFingerprint in core.
   */
  idempotencyFingerprint?: string
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
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>
  /** Every event of the granted tenants, in position order, none skipped (R5, R6). */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>
  /** Recomputes the hash chain of every stream in scope (or one stream) and reports what does not match (R11). */
  verify(options?: { streamId?: string }): Promise<VerifyReport>
  close(): Promise<void>
}

export type ReadModelDocument = Record<string, unknown>

export interface ReadModelTransaction {
  get(collection: string, id: string): Promise<ReadModelDocument | undefined>
  put(collection: string, id: string, document: ReadModelDocument): Promise<void>
  delete(collection: string, id: string): Promise<void>
  list(collection: string): Promise<Array<{ id: string; document: ReadModelDocument }>>
  /** Commits with the documents, or not at all (R8). */
  setCheckpoint(position: bigint): Promise<void>
}

/** A value an indexed field is compared with; an array-valued field matches when one of its items equals it. */
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
  /** An indexed scalar field to order by; ties, and the default, order by document id. */
  orderBy?: string
  direction?: 'asc' | 'desc'
  /** Bounds on the orderBy field: gte inclusive, lt exclusive. */
  range?: { gte?: IndexValue; lt?: IndexValue }
  /** The `next` cursor of the previous page. */
  after?: string
  /** Page size; default 50, at most 500. */
  limit?: number
}

export type ReadModelPage = {
  items: Array<{ id: string; document: ReadModelDocument }>
  /** Present when more documents match: pass it as `after` for the next page. Stable under concurrent inserts. */
  next?: string
}

/** The collections a projection writes, each with the fields it declares as indexed (scalar, or arrays of scalars). */
export type CollectionIndexes = Readonly<Record<string, { indexed: readonly string[] }>>

/** What a read model's queries need: the documents of the active version, read by id or by indexed fields. */
export interface ReadModelReader {
  get(collection: string, id: string): Promise<ReadModelDocument | undefined>
  query(collection: string, query?: ReadModelQuery): Promise<ReadModelPage>
}

export interface ReadModelStore {
  /** The last position the projection committed, or 0n when it has none. */
  getCheckpoint(projection: string): Promise<bigint>
  /** Runs `work` in one transaction: every change and the checkpoint commit together, or none do (R8). */
  transaction<T>(projection: string, work: (tx: ReadModelTransaction) => Promise<T>): Promise<T>
  get(collection: string, id: string): Promise<ReadModelDocument | undefined>
  list(collection: string): Promise<Array<{ id: string; document: ReadModelDocument }>>
  close(): Promise<void>
}
