import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { SubjectFactory } from './benchSubject'

/**
 * pg with no library around it: the practical limit. The same rows (data and
 * metadata as jsonb), each append one INSERT of all its rows, which is one
 * transaction and one round trip; the unique (stream_id, version) index is
 * the only check, and what refuses a second writer at a taken version.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id text   NOT NULL,
  version   int    NOT NULL,
  id        uuid   NOT NULL,
  type      text   NOT NULL,
  data      jsonb  NOT NULL,
  metadata  jsonb  NOT NULL,
  UNIQUE (stream_id, version)
)`

export const rawPostgres: SubjectFactory = {
  name: 'raw-postgres',
  engine: 'postgres',
  family: 'raw',
  setup: 'pg Pool, one multi-row INSERT (one transaction) per append',
  async open(database, options) {
    if (database.engine !== 'postgres') throw new Error('raw-postgres needs a PostgreSQL database')
    const pool = new pg.Pool({ connectionString: database.connectionString, max: Math.max(options.connections, 2) })
    pool.on('error', () => undefined)
    await pool.query(SCHEMA)
    return {
      async append(streamId, events, expectedVersion) {
        const values: unknown[] = []
        const rows = events.map((event, offset) => {
          const at = values.length
          values.push(streamId, expectedVersion + offset + 1, randomUUID(), event.type, JSON.stringify(event.data), JSON.stringify(event.metadata))
          return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`
        })
        await pool.query(`INSERT INTO events (stream_id, version, id, type, data, metadata) VALUES ${rows.join(', ')}`, values)
      },
      readStreamVersion: async (streamId) => Number((await pool.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM events WHERE stream_id = $1', [streamId])).rows[0]?.version ?? 0),
      readStream: async (streamId) => (await pool.query('SELECT * FROM events WHERE stream_id = $1 ORDER BY version', [streamId])).rowCount ?? 0,
      async readAll(batchSize, until = Number.POSITIVE_INFINITY) {
        let after = '0'
        let count = 0
        for (;;) {
          const { rows } = await pool.query<{ position: string }>('SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2', [after, batchSize])
          count += rows.length
          if (rows.length < batchSize || performance.now() > until) return count
          after = (rows.at(-1) as { position: string }).position
        }
      },
      close: () => pool.end(),
    }
  },
}
