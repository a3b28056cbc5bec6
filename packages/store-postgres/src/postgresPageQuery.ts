import type { QueryPlan } from '@kerjasama/core/adapter'
import type { SchemaNames } from './schemaName'

/** `document` is null only if a document row was removed behind the library's back, leaving its index entries. */
export type PageRow = { id: string; value_key: string | null; document: string | null }

/**
 * The one statement a page runs (R14), built for the query's shape with
 * every value a parameter. An ordered page walks the orderBy field's
 * `ordered` rows of document_index's primary key in (value_key, id) order;
 * a filtered page without order walks the first condition's rows in id
 * order; further conditions are index lookups per candidate; a page with
 * neither walks documents_in_id_order. Exported so a test can EXPLAIN
 * exactly what runs.
 */
export function pageQuery(names: SchemaNames, tenant: string, collection: string, plan: QueryPlan): { text: string; values: unknown[] } {
  const values: unknown[] = [tenant, collection]
  const param = (value: unknown): string => {
    values.push(value)
    return `$${values.length}`
  }
  const descending = plan.descending ? ' desc' : ''
  const after = plan.descending ? '<' : '>'

  if (plan.orderBy === undefined && plan.where.length === 0) {
    const conditions = ['d.tenant = $1', 'd.collection = $2']
    if (plan.after !== undefined) conditions.push(`(d.id collate "C") ${after} ${param(plan.after.id)}`)
    const text = `select d.id, null::text as value_key, d.document::text as document from ${names.q('documents')} d
where ${conditions.join(' and ')}
order by d.id collate "C"${descending}
limit ${param(plan.limit + 1)}`
    return { text, values }
  }

  const conditions = ['e.tenant = $1', 'e.collection = $2']
  let lookups = plan.where
  if (plan.orderBy !== undefined) {
    conditions.push(`e.field = ${param(plan.orderBy)}`, 'e.ordered')
    if (plan.lower !== undefined) conditions.push(`e.value_key >= ${param(plan.lower)}`)
    if (plan.upper !== undefined) conditions.push(`e.value_key < ${param(plan.upper)}`)
    if (plan.after !== undefined) conditions.push(`(e.value_key, e.id) ${after} (${param(plan.after.key)}::text, ${param(plan.after.id)}::text)`)
  } else {
    const [driver, ...rest] = plan.where as [QueryPlan['where'][number], ...QueryPlan['where']]
    lookups = rest
    conditions.push(`e.field = ${param(driver.field)}`, `e.value_key = ${param(driver.key)}`)
    if (plan.after !== undefined) conditions.push(`e.id ${after} ${param(plan.after.id)}`)
  }
  for (const lookup of lookups) {
    conditions.push(
      `exists (select 1 from ${names.q('document_index')} w where w.tenant = e.tenant and w.collection = e.collection and w.field = ${param(lookup.field)} and w.value_key = ${param(lookup.key)} and w.id = e.id)`,
    )
  }
  const order = (table: string) => (plan.orderBy === undefined ? `${table}.id${descending}` : `${table}.value_key${descending}, ${table}.id${descending}`)
  // The page is cut from the index first; then each of its documents is one
  // primary-key lookup (a correlated subquery, so the planner cannot trade it
  // for a scan of the whole table). The lookup compares ids in the documents'
  // own collation, so their primary key serves it.
  const text = `select p.id::text as id, p.value_key::text as value_key,
  (select d.document::text from ${names.q('documents')} d where d.tenant = $1 and d.collection = $2 and d.id = (p.id collate "default")) as document
from (
  select e.id, e.value_key from ${names.q('document_index')} e
  where ${conditions.join(' and ')}
  order by ${order('e')}
  limit ${param(plan.limit + 1)}
) p
order by ${order('p')}`
  return { text, values }
}
