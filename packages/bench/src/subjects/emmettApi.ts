/**
 * The part of Emmett's published API the bench calls, as Emmett 0.42 declares
 * it. Emmett is installed by the bench into its own folder on the first run,
 * never by the workspace, so its own .d.ts files are not there when this
 * package is typechecked; these are the shapes of the calls, nothing more.
 */
export type EmmettEvent = { type: string; data: Record<string, unknown>; metadata?: Record<string, unknown> }

export type EmmettReadStreamResult = { currentStreamVersion: bigint; events: unknown[]; streamExists: boolean }

export type EmmettEventStore = {
  appendToStream(streamName: string, events: EmmettEvent[], options?: { expectedStreamVersion?: bigint }): Promise<unknown>
  readStream(streamName: string): Promise<EmmettReadStreamResult>
}

export type EmmettMessagesBatch = { currentGlobalPosition: bigint; messages: unknown[] }

export type EmmettSqliteConnection = {
  close(): void
  command(sql: string, values?: unknown[]): Promise<unknown>
  querySingle<T>(sql: string, values?: unknown[]): Promise<T | null>
}

export type EmmettSqlitePool = {
  withConnection<T>(handle: (connection: EmmettSqliteConnection) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** `@event-driven-io/emmett-sqlite` */
export type EmmettSqliteModule = {
  getSQLiteEventStore(options: { fileName: string; connectionOptions?: { singleton: true; connection: EmmettSqliteConnection } }): EmmettEventStore
  sqliteConnection(options: { fileName: string }): EmmettSqliteConnection
  SQLiteConnectionPool(options: { fileName: string }): EmmettSqlitePool
  readMessagesBatch(connection: EmmettSqliteConnection, options: { after: bigint; batchSize: number }): Promise<EmmettMessagesBatch>
}

export type DumboExecutor = unknown
export type DumboPool = { execute: DumboExecutor; close(): Promise<void> }

/** `@event-driven-io/emmett-postgresql` */
export type EmmettPostgresModule = {
  getPostgreSQLEventStore(connectionString: string): EmmettEventStore & { close(): Promise<void> }
  readMessagesBatch(executor: DumboExecutor, options: { after: bigint; batchSize: number }): Promise<EmmettMessagesBatch>
}

/** `@event-driven-io/dumbo`, Emmett's SQL layer, which its own consumers read the message log through. */
export type DumboModule = { dumbo(options: { connectionString: string }): DumboPool }
