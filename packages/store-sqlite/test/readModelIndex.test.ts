import Database from 'better-sqlite3'
import { planReadModelQuery } from '@kerjasama/core/adapter'
import type { ReadModelQuery } from '@kerjasama/core'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, openSqliteReadModelStore } from '../src/index'
import { MIGRATIONS_TABLE } from '../src/schema'
import { prepareReadModelIndexStatements } from '../src/readModelIndexStatements'
import { conditionsByNarrowness, pageQuery } from '../src/sqliteQuery'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function freshFile(): string {
  const database = tempDatabase('read-model-index')
  cleanups.push(database.remove)
  return database.file
}

describe('SQLite read-model index (R14)', () => {
  it('a file from before migration 3 gains the index and lease tables on open, and its documents are indexed when their collection is declared', async () => {
    const file = freshFile()
    const old = new Database(file)
    old.exec(MIGRATIONS_TABLE)
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version < 3)) {
      for (const statement of migration.statements) old.exec(statement)
      old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, '2026-01-01T00:00:00.000Z')
    }
    const put = old.prepare("INSERT INTO read_model_documents (tenant, collection, id, document) VALUES ('33.05', 'agreements', ?, ?)")
    put.run('ks-1', JSON.stringify({ status: 'signed', urusan: ['pertanian'] }))
    put.run('ks-2', JSON.stringify({ status: 'draft', urusan: ['pertanian', 'kesehatan'] }))
    old.close()

    const store = openSqliteReadModelStore({ file, tenant: '33.05' })
    await store.declareCollections({ agreements: { indexed: ['status', 'urusan'] } })
    expect((await store.query('agreements', { where: { urusan: 'pertanian' } })).items.map((item) => item.id)).toEqual(['ks-1', 'ks-2'])
    expect((await store.query('agreements', { where: { status: 'draft' } })).items.map((item) => item.id)).toEqual(['ks-2'])
    expect(await store.acquireLease('projection:register', 'instance-a', 1000)).toBe(true)
    await store.close()
  })

  it('a transaction that put its documents before another store on the file redeclared the collection commits them indexed by the fields declared at its commit', async () => {
    const file = freshFile()
    const writer = openSqliteReadModelStore({ file, tenant: '33.05' })
    const other = openSqliteReadModelStore({ file, tenant: '33.05' })
    cleanups.push(() => void writer.close(), () => void other.close())
    await writer.declareCollections({ agreements: { indexed: ['status'] } })
    let redeclared: () => void = () => undefined
    const redeclaration = new Promise<void>((resolve) => (redeclared = resolve))
    let put: () => void = () => undefined
    const putDone = new Promise<void>((resolve) => (put = resolve))
    const committing = writer.transaction('register', async (tx) => {
      // Made with the fields of this moment (status only) ...
      await tx.put('agreements', 'ks-1', { status: 'signed', region: '33.05' })
      put()
      await redeclaration
    })
    // ... then the collection is declared again, from another store, with other fields, before the commit.
    await putDone
    await other.declareCollections({ agreements: { indexed: ['region'] } })
    redeclared()
    await committing
    expect((await writer.query('agreements', { where: { region: '33.05' } })).items.map((item) => item.id)).toEqual(['ks-1'])
    await expect(writer.query('agreements', { where: { status: 'signed' } })).rejects.toMatchObject({ code: 'READ_MODEL_FIELD_NOT_INDEXED' })
  })

  it('a filtered or ordered page reads through indexes, never a whole table, and needs no sort unless it both filters and orders', async () => {
    const file = freshFile()
    const store = openSqliteReadModelStore({ file, tenant: '33.05' })
    await store.declareCollections({ agreements: { indexed: ['region', 'status', 'signedOn'] } })
    await store.transaction('register', async (tx) => {
      for (let n = 0; n < 2000; n += 1) {
        await tx.put('agreements', `ks-${n}`, { region: `33.${n % 35}`, status: ['draft', 'signed'][n % 2], signedOn: `2025-${String((n % 12) + 1).padStart(2, '0')}-01` })
      }
    })
    await store.close()
    const db = new Database(file)
    // A changed document's old entries are found by document, not by walking every entry of the
    // collection; asked before ANALYZE, as a store's commit runs on a file that was never analysed.
    const { deleteEntriesOfDocument } = prepareReadModelIndexStatements(db)
    const deletion = (db.prepare(`EXPLAIN QUERY PLAN ${deleteEntriesOfDocument.source}`).all('33.05', 'agreements', 'ks-1') as Array<{ detail: string }>).map((row) => row.detail)
    expect(deletion).toEqual([expect.stringContaining('USING INDEX read_model_index_by_document (tenant=? AND collection=? AND id=?)')])
    db.exec('ANALYZE')
    const queries: ReadModelQuery[] = [
      { where: { region: '33.5' } },
      { where: { region: '33.5', status: 'signed' } },
      { where: { region: '33.5' }, orderBy: 'signedOn', direction: 'desc' },
      { orderBy: 'signedOn', range: { gte: '2025-03-01', lt: '2025-04-01' } },
      { limit: 10 },
    ]
    for (const query of queries) {
      const plan = planReadModelQuery('agreements', query, ['region', 'signedOn', 'status'])
      const { text, values } = pageQuery('33.05', 'agreements', plan)
      const steps = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...values) as Array<{ detail: string }>).map((row) => row.detail)
      expect(steps.filter((step) => /^SCAN /.test(step)), JSON.stringify(query)).toEqual([])
      // Filtered and ordered, SQLite may drive from the filter's index and sort what matches: a bounded sort, still no scan.
      if (query.where === undefined || query.orderBy === undefined) expect(steps.filter((step) => step.includes('TEMP B-TREE')), JSON.stringify(query)).toEqual([])
      expect(steps.some((step) => /USING PRIMARY KEY/.test(step)), JSON.stringify(query)).toBe(true)
    }
    db.close()
  })

  it('a filtered page is driven by its narrowest condition, whatever order the caller listed them in; ties keep that order', async () => {
    const file = freshFile()
    const store = openSqliteReadModelStore({ file, tenant: '33.05' })
    await store.declareCollections({ agreements: { indexed: ['region', 'status'] } })
    await store.transaction('register', async (tx) => {
      for (let n = 0; n < 700; n += 1) await tx.put('agreements', `ks-${String(n).padStart(3, '0')}`, { region: `33.${n % 35}`, status: n % 10 === 0 ? 'draft' : 'signed' })
    })
    const commonFirst = { where: { status: 'signed', region: '33.5' }, limit: 5 }
    const page = await store.query('agreements', commonFirst)
    expect(page.items.map((item) => item.id)).toEqual(['ks-005', 'ks-075', 'ks-145', 'ks-215', 'ks-285'])
    await store.close()
    const db = new Database(file)
    const order = conditionsByNarrowness(db, '33.05')
    const fieldsOf = (query: ReadModelQuery, afterId?: string) => {
      const plan = planReadModelQuery('agreements', query, ['region', 'status'])
      return order('agreements', afterId === undefined ? plan : { ...plan, after: { key: undefined, id: afterId } }).where.map((condition) => condition.field)
    }
    // 33.5 has 20 entries, signed 630, draft 70.
    expect(fieldsOf(commonFirst)).toEqual(['region', 'status'])
    expect(fieldsOf({ where: { region: '33.5', status: 'signed' } })).toEqual(['region', 'status'])
    expect(fieldsOf({ where: { region: '33.34', status: 'draft' } })).toEqual(['region', 'status'])
    // After a cursor only the entries beyond it count: after ks-695 no draft is left, one of 33.34 (ks-699).
    expect(fieldsOf({ where: { region: '33.34', status: 'draft' } }, 'ks-695')).toEqual(['status', 'region'])
    // A tie keeps the caller's order: after ks-698, one of each is left (ks-699 is both).
    expect(fieldsOf({ where: { region: '33.34', status: 'signed' } }, 'ks-698')).toEqual(['region', 'status'])
    expect(fieldsOf({ where: { status: 'signed', region: '33.34' } }, 'ks-698')).toEqual(['status', 'region'])
    db.close()
  })
})
