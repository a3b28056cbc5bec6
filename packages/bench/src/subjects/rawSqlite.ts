import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type { BenchEvent, SubjectFactory } from './benchSubject'

/**
 * better-sqlite3 with no library around it: the practical limit. The same
 * rows (stream, version, id, type, data and metadata as JSON text), one
 * BEGIN IMMEDIATE transaction per append, and no more checking than the
 * unique (stream_id, version) index gives, which is what refuses a second
 * writer at a version already taken.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream_id TEXT    NOT NULL,
  version   INTEGER NOT NULL,
  id        TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, version)
) STRICT`

type Row = { position: number; stream_id: string; version: number; id: string; type: string; data: string; metadata: string }

export const rawSqlite: SubjectFactory = {
  name: 'raw-sqlite',
  engine: 'sqlite',
  family: 'raw',
  setup: 'better-sqlite3, one BEGIN IMMEDIATE transaction per append, synchronous=FULL',
  async open(database, options) {
    if (database.engine !== 'sqlite') throw new Error('raw-sqlite needs a SQLite file')
    const db = new Database(database.file)
    db.pragma('journal_mode = WAL')
    db.pragma(options.durability === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL')
    db.exec(SCHEMA)
    const insert = db.prepare('INSERT INTO events (stream_id, version, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
    const version = db.prepare<[string], { version: number }>('SELECT coalesce(max(version), 0) AS version FROM events WHERE stream_id = ?')
    const stream = db.prepare<[string], Row>('SELECT * FROM events WHERE stream_id = ? ORDER BY version')
    const page = db.prepare<[number, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?')
    const appendRows = db.transaction((streamId: string, events: readonly BenchEvent[], expectedVersion: number) => {
      events.forEach((event, offset) => {
        insert.run(streamId, expectedVersion + offset + 1, randomUUID(), event.type, JSON.stringify(event.data), JSON.stringify(event.metadata))
      })
    })
    const parse = (row: Row) => ({ ...row, data: JSON.parse(row.data) as unknown, metadata: JSON.parse(row.metadata) as unknown })
    return {
      async append(streamId, events, expectedVersion) {
        appendRows.immediate(streamId, events, expectedVersion)
      },
      readStreamVersion: async (streamId) => (version.get(streamId) as { version: number }).version,
      readStream: async (streamId) => stream.all(streamId).map(parse).length,
      async readAll(batchSize, until = Number.POSITIVE_INFINITY) {
        let after = 0
        let count = 0
        for (;;) {
          const rows = page.all(after, batchSize)
          for (const row of rows) parse(row)
          count += rows.length
          if (rows.length < batchSize || performance.now() > until) return count
          after = (rows.at(-1) as Row).position
        }
      },
      async close() {
        db.close()
      },
    }
  },
}
