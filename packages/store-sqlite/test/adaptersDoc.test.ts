import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, openSqliteStore } from '../src/index'
import { MIGRATIONS_TABLE } from '../src/schema'
import { event } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const doc = readFileSync(new URL('../../../docs/adapters.md', import.meta.url), 'utf8')
const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('docs/adapters.md, SQLite section', () => {
  it('quotes every schema statement exactly as the migrations run it', () => {
    for (const statement of [MIGRATIONS_TABLE, ...MIGRATIONS.flatMap((migration) => migration.statements)]) {
      expect(doc).toContain(`${statement};`)
    }
  })

  it("its query lists an agreement's history in version order", async () => {
    const database = tempDatabase('doc')
    cleanups.push(database.remove)
    const store = openSqliteStore({ file: database.file, tenant: '33.05' })
    const streamId = 'agreement-01JH8ZK4T0Q9V6C1Y2X3W4V5U6'
    await store.append(streamId, [event({ step: 'identified' }), event({ step: 'mapped' })], { expectedVersion: 'none' })
    await store.append('agreement-other', [event({ step: 'elsewhere' })], { expectedVersion: 'none' })
    await store.append(streamId, [event({ step: 'assessed' })], { expectedVersion: 2 })
    await store.close()

    const query = /<!-- sqlite-history-query -->\s*```sql\n([\s\S]*?)```/.exec(doc)?.[1]
    expect(query).toBeDefined()
    const db = new Database(database.file, { readonly: true })
    const rows = db.prepare(query as string).all() as Array<{ version: number; role: string; data: string }>
    db.close()
    expect(rows.map((row) => [row.version, row.role, JSON.parse(row.data).step])).toEqual([
      [1, 'tkksd', 'identified'],
      [2, 'tkksd', 'mapped'],
      [3, 'tkksd', 'assessed'],
    ])
  })
})
