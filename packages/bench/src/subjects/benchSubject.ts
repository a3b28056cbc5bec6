import type { EventStore, ReadModelStore, SnapshotStore } from '@kerjasama/core'

/** One event as every subject receives it: the same type, data and metadata, serialised by each library its own way. */
export type BenchEvent = {
  type: string
  /** Kerjasama records it; Emmett and the raw tables have no such column and leave it out. */
  schemaVersion: number
  data: Record<string, unknown>
  metadata: Record<string, unknown>
}

export type Engine = 'sqlite' | 'postgres'
export type Family = 'kerjasama' | 'emmett' | 'raw'

/**
 * Where a subject keeps its events: a file of its own, or a PostgreSQL
 * database of its own. `schema` names the schema Kerjasama uses inside it;
 * it stays with a copy of the database, as the role Kerjasama grants to does.
 */
export type SubjectDatabase =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; database: string; connectionString: string; schema: string }

/**
 * What a workload asks of a subject. Each method is the subject's ordinary
 * public way of doing it, so the figures are what an application would get.
 */
export interface BenchSubject {
  /** Appends in one transaction at `expectedVersion` (0: the stream must be new); a conflict throws. */
  append(streamId: string, events: readonly BenchEvent[], expectedVersion: number): Promise<void>
  /** The stream's current version (0 when it does not exist), read the cheapest way the subject offers. */
  readStreamVersion(streamId: string): Promise<number>
  /** Reads the whole stream, every event deserialised; resolves to the number of events. */
  readStream(streamId: string): Promise<number>
  /**
   * Reads every event in global order, `batchSize` per round trip, and
   * resolves to the number read; stops early, after the batch in hand, once
   * performance.now() passes `until` (a workload's time budget).
   */
  readAll(batchSize: number, until?: number): Promise<number>
  /** Kerjasama's own ports, for the workloads only Kerjasama has (the projection rebuild, the domain path, loads with snapshots). */
  readonly kerjasama?: { events: EventStore; readModels: ReadModelStore; snapshots: SnapshotStore }
  /** For a subject whose durability the bench does not set itself: what its connections report (e.g. "synchronous=2"). */
  durability?(): Promise<string>
  close(): Promise<void>
}

/** Options a subject is opened with besides its database. */
export type OpenOptions = {
  /** Connections the subject may hold (PostgreSQL); the concurrent-writers workload asks for one per writer. */
  connections: number
  /** 'full' for every measurement; 'relaxed' only to seed the data sets the read workloads read, which it does not change. */
  durability: 'full' | 'relaxed'
  /** The folders Emmett's packages were installed into (see environment/peerPackages.ts). */
  peerFolders: { sqlite: string; postgresql: string }
}

export type SubjectFactory = {
  name: SubjectName
  engine: Engine
  family: Family
  /** How the library is set up, for the report ("as it comes", "one shared connection", ...). */
  setup: string
  open(database: SubjectDatabase, options: OpenOptions): Promise<BenchSubject>
}

export const SUBJECT_NAMES = [
  'kerjasama-sqlite',
  'emmett-sqlite-shared',
  'emmett-sqlite',
  'raw-sqlite',
  'kerjasama-postgres',
  'emmett-postgres',
  'raw-postgres',
] as const
export type SubjectName = (typeof SUBJECT_NAMES)[number]
