import { indexEntriesOf, sameFields } from '@kerjasama/core/adapter'
import type { DeclaredIndexes } from '@kerjasama/core/adapter'
import type { ReadModelDocument } from '@kerjasama/core'
import type { ScopedQuery } from './scopedClient'
import type { SchemaNames } from './schemaName'

/** Documents read per batch while a redeclared collection is reindexed, so memory stays bounded. */
const REINDEX_BATCH = 1000

/**
 * Declared collections and their index entries (R14), inside a transaction
 * in the tenant's scope. A projection transaction takes a shared advisory
 * lock on the tenant's declarations before it reads any collection's
 * fields (begin_projection, migration 8); a redeclaration takes it
 * exclusively. So a commit never writes entries for fields a concurrent
 * redeclaration has just replaced: one waits
 * for the other, and the later one reads what the earlier one committed. One
 * lock per tenant rather than per collection, so the two can never deadlock.
 */
export function declarationLockKey(names: SchemaNames, tenant: string): string {
  // Control characters cannot occur in a tenant (storeInput), so the separator keeps keys apart.
  return `kerjasama.declarations\u001f${names.schema}\u001f${tenant}`
}

export async function indexedFieldsOf(query: ScopedQuery, names: SchemaNames, tenant: string, collection: string): Promise<readonly string[] | undefined> {
  const rows = await query<{ indexed: string[] }>(`select indexed from ${names.q('collections')} where tenant = $1 and collection = $2`, [tenant, collection])
  return rows[0]?.indexed
}

export function entryArrays(document: ReadModelDocument, fields: readonly string[] | undefined): { fields: string[]; keys: string[]; ordered: boolean[] } {
  const entries = fields === undefined ? [] : indexEntriesOf(document, fields)
  return { fields: entries.map((entry) => entry.field), keys: entries.map((entry) => entry.key), ordered: entries.map((entry) => entry.ordered) }
}

/** Resolves to the number of index rows written, for the statistics keeper. */
export async function declareCollections(query: ScopedQuery, names: SchemaNames, tenant: string, declared: DeclaredIndexes): Promise<number> {
  const index = names.q('document_index')
  let written = 0
  await query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [declarationLockKey(names, tenant)])
  for (const [collection, fields] of declared) {
    if (sameFields(await indexedFieldsOf(query, names, tenant, collection), fields)) continue
    await query(
      `insert into ${names.q('collections')} (tenant, collection, indexed) values ($1, $2, $3)
       on conflict (tenant, collection) do update set indexed = excluded.indexed`,
      [tenant, collection, fields],
    )
    await query(`delete from ${index} where tenant = $1 and collection = $2`, [tenant, collection])
    if (fields.length === 0) continue
    let after = ''
    for (;;) {
      const batch = await query<{ id: string; document: string }>(
        `select id, document::text as document from ${names.q('documents')}
         where tenant = $1 and collection = $2 and (id collate "C") > $3 order by id collate "C" limit $4`,
        [tenant, collection, after, REINDEX_BATCH],
      )
      const ids: string[] = []
      const entries = { fields: [] as string[], keys: [] as string[], ordered: [] as boolean[] }
      for (const row of batch) {
        const arrays = entryArrays(JSON.parse(row.document) as ReadModelDocument, fields)
        for (let i = 0; i < arrays.fields.length; i += 1) ids.push(row.id)
        entries.fields.push(...arrays.fields)
        entries.keys.push(...arrays.keys)
        entries.ordered.push(...arrays.ordered)
      }
      if (ids.length > 0) {
        await query(
          `insert into ${index} (tenant, collection, field, value_key, id, ordered)
           select $1, $2, e.field, e.value_key, e.id, e.ordered from unnest($3::text[], $4::text[], $5::text[], $6::boolean[]) as e(field, value_key, id, ordered)`,
          [tenant, collection, entries.fields, entries.keys, ids, entries.ordered],
        )
        written += ids.length
      }
      const last = batch.at(-1)
      if (last === undefined || batch.length < REINDEX_BATCH) break
      after = last.id
    }
  }
  return written
}
