import { loadEmmettSqlite } from '../environment/peerPackages'
import type { SubjectFactory } from './benchSubject'
import { appendWithEmmett } from './emmettEvents'
import { readAllWithEmmettSqlite } from './emmettSqliteReads'

/**
 * Emmett's SQLite event store as it comes: getSQLiteEventStore({ fileName }),
 * which opens a connection (and sets WAL) for every operation and closes it
 * after. node-sqlite3's SQLite keeps its default synchronous=FULL.
 */
export const emmettSqlite: SubjectFactory = {
  name: 'emmett-sqlite',
  engine: 'sqlite',
  family: 'emmett',
  setup: 'getSQLiteEventStore({ fileName }) as it comes: a connection per operation',
  async open(database, options) {
    if (database.engine !== 'sqlite') throw new Error('emmett-sqlite needs a SQLite file')
    const emmett = loadEmmettSqlite(options.peerFolders.sqlite)
    const store = emmett.getSQLiteEventStore({ fileName: database.file })
    const pool = emmett.SQLiteConnectionPool({ fileName: database.file })
    return {
      append: (streamId, events, expectedVersion) => appendWithEmmett(store, streamId, events, expectedVersion),
      readStreamVersion: async (streamId) => Number((await store.readStream(streamId)).currentStreamVersion),
      readStream: async (streamId) => (await store.readStream(streamId)).events.length,
      readAll: (batchSize, until = Number.POSITIVE_INFINITY) => readAllWithEmmettSqlite(emmett, (handle) => pool.withConnection(handle), batchSize, until),
      // Its connections are its own: what one of them reports is what every append gets.
      durability: () =>
        pool.withConnection(async (connection) => {
          const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode')
          const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous')
          return `journal_mode=${journal?.journal_mode ?? '?'}, synchronous=${synchronous?.synchronous ?? '?'}`
        }),
      close: () => pool.close(),
    }
  },
}
