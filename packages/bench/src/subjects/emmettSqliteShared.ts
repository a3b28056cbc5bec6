import { loadEmmettSqlite } from '../environment/peerPackages'
import type { SubjectFactory } from './benchSubject'
import { appendWithEmmett } from './emmettEvents'
import { readAllWithEmmettSqlite } from './emmettSqliteReads'

/**
 * Emmett's SQLite event store on one connection the application opens and
 * hands in (connectionOptions { singleton, connection }), the way Emmett
 * suggests for a long-running process. The connection gets what the other
 * SQLite subjects have: synchronous=FULL, and a 5 s busy timeout (better-sqlite3's
 * default) so that writers in other processes wait for the lock instead of failing.
 */
export const emmettSqliteShared: SubjectFactory = {
  name: 'emmett-sqlite-shared',
  engine: 'sqlite',
  family: 'emmett',
  setup: 'getSQLiteEventStore on one shared sqliteConnection (synchronous=FULL, busy_timeout=5000)',
  async open(database, options) {
    if (database.engine !== 'sqlite') throw new Error('emmett-sqlite-shared needs a SQLite file')
    const emmett = loadEmmettSqlite(options.peerFolders.sqlite)
    const connection = emmett.sqliteConnection({ fileName: database.file })
    await connection.command(options.durability === 'full' ? 'PRAGMA synchronous = FULL' : 'PRAGMA synchronous = NORMAL')
    await connection.command('PRAGMA busy_timeout = 5000')
    const store = emmett.getSQLiteEventStore({ fileName: database.file, connectionOptions: { singleton: true, connection } })
    return {
      append: (streamId, events, expectedVersion) => appendWithEmmett(store, streamId, events, expectedVersion),
      readStreamVersion: async (streamId) => Number((await store.readStream(streamId)).currentStreamVersion),
      readStream: async (streamId) => (await store.readStream(streamId)).events.length,
      readAll: (batchSize, until = Number.POSITIVE_INFINITY) => readAllWithEmmettSqlite(emmett, (handle) => handle(connection), batchSize, until),
      close: async () => connection.close(),
    }
  },
}
