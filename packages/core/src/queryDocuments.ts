import { indexEntriesOf } from './indexEntries'
import { compareCodePoints } from './indexKeys'
import { encodeCursor } from './queryCursor'
import type { QueryPlan } from './readModelQueryPlan'
import type { ReadModelDocument, ReadModelPage } from './store'

type Candidate = { id: string; key: string; document: ReadModelDocument }

/**
 * Answers a checked query over documents held in this process the way the
 * SQL adapters' indexes do (R14), from the same index entries, recomputed per
 * query: for the memory store and for read models built for one question
 * (as-of reads), where a collection is small and a scan is the honest model.
 * The documents in the page are the ones given, not copies.
 */
export function queryDocuments(documents: Iterable<readonly [string, ReadModelDocument]>, indexed: readonly string[], plan: QueryPlan): ReadModelPage {
  const candidates: Candidate[] = []
  for (const [id, document] of documents) {
    const entries = indexEntriesOf(document, indexed)
    const has = (field: string, key: string) => entries.some((entry) => entry.field === field && entry.key === key)
    if (!plan.where.every((condition) => has(condition.field, condition.key))) continue
    const key = plan.orderBy === undefined ? '' : (entries.find((entry) => entry.field === plan.orderBy && entry.ordered)?.key as string)
    if (plan.lower !== undefined && compareCodePoints(key, plan.lower) < 0) continue
    if (plan.upper !== undefined && compareCodePoints(key, plan.upper) >= 0) continue
    candidates.push({ id, key, document })
  }
  const direction = plan.descending ? -1 : 1
  const compare = (a: { key: string; id: string }, b: { key: string; id: string }) => direction * (compareCodePoints(a.key, b.key) || compareCodePoints(a.id, b.id))
  const after = plan.after === undefined ? undefined : { key: plan.after.key ?? '', id: plan.after.id }
  const page = candidates
    .filter((candidate) => after === undefined || compare(candidate, after) > 0)
    .sort(compare)
    .slice(0, plan.limit + 1)
  const items = page.slice(0, plan.limit)
  const last = items.at(-1)
  const more = page.length > plan.limit && last !== undefined
  return {
    items: items.map(({ id, document }) => ({ id, document })),
    ...(more ? { next: encodeCursor(plan, { key: plan.orderBy === undefined ? undefined : last.key, id: last.id }) } : {}),
  }
}
