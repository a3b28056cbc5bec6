import Database from 'better-sqlite3'
import pg from 'pg'
import type { SubjectDatabase } from '../subjects/benchSubject'

/**
 * After seeding, what a database that had been running a while would have
 * by itself: the planner's statistics (PostgreSQL's autovacuum would have
 * analysed the freshly loaded tables within a minute; SQLite keeps none until
 * asked). Done alike for every subject, outside any measurement; a rebuild's
 * fresh read models are left as the rebuild leaves them.
 */
export async function analyzeDatabase(database: SubjectDatabase): Promise<void> {
  if (database.engine === 'sqlite') {
    const db = new Database(database.file)
    try {
      db.exec('ANALYZE')
    } finally {
      db.close()
    }
    return
  }
  const client = new pg.Client({ connectionString: database.connectionString })
  client.on('error', () => undefined)
  await client.connect()
  try {
    await client.query('VACUUM ANALYZE')
  } finally {
    await client.end()
  }
}
