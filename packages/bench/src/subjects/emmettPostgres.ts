import { loadEmmettPostgres } from '../environment/peerPackages'
import type { SubjectFactory } from './benchSubject'
import { appendWithEmmett } from './emmettEvents'

/**
 * Emmett's PostgreSQL event store as it comes: getPostgreSQLEventStore(url)
 * with its own pool (pg's default of 10 connections). The global log is read
 * as Emmett's consumer reads it: readMessagesBatch on a dumbo pool's executor.
 */
export const emmettPostgres: SubjectFactory = {
  name: 'emmett-postgres',
  engine: 'postgres',
  family: 'emmett',
  setup: 'getPostgreSQLEventStore(connectionString) as it comes (pg pool of 10)',
  async open(database, options) {
    if (database.engine !== 'postgres') throw new Error('emmett-postgres needs a PostgreSQL database')
    const { emmett, dumbo } = loadEmmettPostgres(options.peerFolders.postgresql)
    const store = emmett.getPostgreSQLEventStore(database.connectionString)
    let reader: ReturnType<typeof dumbo.dumbo> | undefined
    return {
      append: (streamId, events, expectedVersion) => appendWithEmmett(store, streamId, events, expectedVersion),
      readStreamVersion: async (streamId) => Number((await store.readStream(streamId)).currentStreamVersion),
      readStream: async (streamId) => (await store.readStream(streamId)).events.length,
      async readAll(batchSize, until = Number.POSITIVE_INFINITY) {
        reader ??= dumbo.dumbo({ connectionString: database.connectionString })
        let after = 0n
        let count = 0
        for (;;) {
          const batch = await emmett.readMessagesBatch(reader.execute, { after, batchSize })
          count += batch.messages.length
          if (batch.messages.length < batchSize || performance.now() > until) return count
          after = batch.currentGlobalPosition
        }
      },
      async close() {
        await reader?.close()
        await store.close()
      },
    }
  },
}
