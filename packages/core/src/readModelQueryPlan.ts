import { InvalidStoreInput } from './errors'
import { isIndexValue } from './indexEntries'
import { indexKey, kindEnd, kindOf } from './indexKeys'
import { decodeCursor } from './queryCursor'
import type { QueryPosition } from './queryCursor'
import { ReadModelFieldNotIndexed } from './readModelErrors'
import { MAX_FIELD_NAME_LENGTH } from './collectionIndexes'
import { storeInputReasons as reasons } from './storeInputReasons'
import { assertIdentifier } from './storeInput'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

/**
 * A checked ReadModelQuery in index keys, which every adapter executes the
 * same way (R14): the documents with an entry (field, key) for every `where`
 * pair, ordered by the `ordered` entry of `orderBy` (or by id), within
 * [lower, upper) on that key, after the cursor's position, at most `limit`.
 */
export type QueryPlan = {
  /** In the caller's order; SQL adapters drive the scan from the first, so list the most selective first. */
  where: Array<{ field: string; key: string }>
  orderBy: string | undefined
  descending: boolean
  /** Inclusive bound on the orderBy key. */
  lower: string | undefined
  /** Exclusive bound on the orderBy key. */
  upper: string | undefined
  after: QueryPosition | undefined
  limit: number
}

const QUERY_KEYS = new Set(['where', 'orderBy', 'direction', 'range', 'after', 'limit'])
const RANGE_KEYS = new Set(['gte', 'lt'])

/** `indexed`: the collection's declared fields, undefined when it never declared any. */
export function planReadModelQuery(collection: string, query: unknown, indexed: readonly string[] | undefined): QueryPlan {
  if (query === undefined) query = {}
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw new InvalidStoreInput(reasons.notAnObject('query'), { field: 'query' })
  // A misspelt option (orderby, wheres) would otherwise be ignored and return the wrong page.
  for (const key of Object.keys(query)) {
    if (!QUERY_KEYS.has(key)) throw new InvalidStoreInput({ id: 'kueri memuat opsi yang tidak dikenal', en: 'the query has an unknown option' }, { field: 'query', option: key.slice(0, 64) })
  }
  const { where, orderBy, direction, range, after, limit } = query as Record<string, unknown>
  const assertIndexed = (field: unknown, option: string): string => {
    assertIdentifier(option, field, MAX_FIELD_NAME_LENGTH)
    if (indexed === undefined || !indexed.includes(field)) throw new ReadModelFieldNotIndexed(collection, field, indexed ?? [])
    return field
  }

  const conditions: QueryPlan['where'] = []
  if (where !== undefined) {
    if (typeof where !== 'object' || where === null || Array.isArray(where)) throw new InvalidStoreInput(reasons.notAnObject('where'), { field: 'where' })
    for (const [field, value] of Object.entries(where)) {
      if (value === undefined) continue
      assertIndexed(field, 'where')
      if (!isIndexValue(value)) throw new InvalidStoreInput({ id: 'nilai where harus berupa string, angka berhingga atau boolean', en: 'a where value must be a string, a finite number or a boolean' }, { field: 'where' })
      conditions.push({ field, key: indexKey(value) })
    }
  }

  const orderField = orderBy === undefined ? undefined : assertIndexed(orderBy, 'orderBy')
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw new InvalidStoreInput({ id: 'direction harus "asc" atau "desc"', en: 'direction must be "asc" or "desc"' }, { field: 'direction' })
  const descending = direction === 'desc'

  let lower: string | undefined
  let upper: string | undefined
  if (range !== undefined) {
    if (orderField === undefined) throw new InvalidStoreInput({ id: 'range hanya berlaku bersama orderBy', en: 'range needs orderBy' }, { field: 'range' })
    if (typeof range !== 'object' || range === null || Array.isArray(range)) throw new InvalidStoreInput(reasons.notAnObject('range'), { field: 'range' })
    for (const key of Object.keys(range)) {
      if (!RANGE_KEYS.has(key)) throw new InvalidStoreInput({ id: 'range memuat batas yang tidak dikenal', en: 'range has an unknown bound' }, { field: 'range', option: key.slice(0, 64) })
    }
    const { gte, lt } = range as Record<string, unknown>
    for (const bound of [gte, lt]) {
      if (bound !== undefined && !isIndexValue(bound)) throw new InvalidStoreInput({ id: 'batas range harus berupa string, angka berhingga atau boolean', en: 'a range bound must be a string, a finite number or a boolean' }, { field: 'range' })
    }
    if (gte !== undefined && lt !== undefined && kindOf(gte as never) !== kindOf(lt as never)) {
      throw new InvalidStoreInput({ id: 'kedua batas range harus bertipe sama', en: 'both range bounds must have the same type' }, { field: 'range' })
    }
    const kind = kindOf((gte ?? lt) as never)
    // A bound also confines the page to its type: gte 5 must not let strings through.
    lower = gte === undefined ? kind : indexKey(gte as never)
    upper = lt === undefined ? kindEnd(kind) : indexKey(lt as never)
  }

  const pageSize = limit === undefined ? DEFAULT_PAGE_SIZE : limit
  if (!Number.isSafeInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > MAX_PAGE_SIZE) {
    throw new InvalidStoreInput({ id: `limit harus berupa bilangan bulat dari 1 sampai ${MAX_PAGE_SIZE}`, en: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` }, { field: 'limit' })
  }

  return {
    where: conditions,
    orderBy: orderField,
    descending,
    lower,
    upper,
    after: after === undefined ? undefined : decodeCursor(after, { orderBy: orderField, descending }),
    limit: pageSize as number,
  }
}
