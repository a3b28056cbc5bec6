import type { EmmettSqliteConnection, EmmettSqliteModule } from './emmettApi'

/**
 * The global log read the way Emmett's own SQLite consumer reads it:
 * readMessagesBatch after the last global position, `batchSize` at a time,
 * each batch on the connection `withConnection` lends.
 */
export async function readAllWithEmmettSqlite(
  emmett: EmmettSqliteModule,
  withConnection: <T>(handle: (connection: EmmettSqliteConnection) => Promise<T>) => Promise<T>,
  batchSize: number,
  until: number,
): Promise<number> {
  let after = 0n
  let count = 0
  for (;;) {
    const batch = await withConnection((connection) => emmett.readMessagesBatch(connection, { after, batchSize }))
    count += batch.messages.length
    if (batch.messages.length < batchSize || performance.now() > until) return count
    after = batch.currentGlobalPosition
  }
}
