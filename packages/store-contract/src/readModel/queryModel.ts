import type { IndexValue, ReadModelDocument, ReadModelQuery } from '@kerjasama/core'

/**
 * The documented query semantics (R14, store.ts), written plainly and
 * independently of any adapter's index keys, so the property test compares
 * every adapter with the rule rather than with another implementation of it.
 */
type Entry = { id: string; document: ReadModelDocument }

const isScalar = (value: unknown): value is IndexValue => typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number'

function rank(value: unknown): number {
  return typeof value === 'boolean' ? 1 : typeof value === 'number' ? 2 : typeof value === 'string' ? 3 : 0
}

/** Unicode code-point order, the order the contract promises for strings and ids. */
export function byCodePoint(a: string, b: string): number {
  const left = Array.from(a, (char) => char.codePointAt(0) as number)
  const right = Array.from(b, (char) => char.codePointAt(0) as number)
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    if (left[index] !== right[index]) return (left[index] as number) - (right[index] as number)
  }
  return left.length - right.length
}

/** The order of two values of an orderBy field: no scalar first, then booleans, numbers, strings. */
export function compareFieldValues(a: unknown, b: unknown): number {
  const a1 = isScalar(a) ? a : undefined
  const b1 = isScalar(b) ? b : undefined
  if (rank(a1) !== rank(b1)) return rank(a1) - rank(b1)
  if (typeof a1 === 'string' && typeof b1 === 'string') return byCodePoint(a1, b1)
  if (typeof a1 === 'number' && typeof b1 === 'number') return a1 - b1
  if (typeof a1 === 'boolean' && typeof b1 === 'boolean') return Number(a1) - Number(b1)
  return 0
}

function matches(document: ReadModelDocument, field: string, wanted: IndexValue): boolean {
  const value = document[field]
  if (Array.isArray(value)) return value.some((item) => item === wanted)
  return value === wanted
}

function inRange(value: unknown, range: NonNullable<ReadModelQuery['range']>): boolean {
  const bound = range.gte ?? range.lt
  if (!isScalar(value) || rank(value) !== rank(bound)) return false
  if (range.gte !== undefined && compareFieldValues(value, range.gte) < 0) return false
  if (range.lt !== undefined && compareFieldValues(value, range.lt) >= 0) return false
  return true
}

/** Every document the query matches, in the query's order, ignoring paging. */
export function expectedQueryResult(documents: readonly Entry[], query: ReadModelQuery): string[] {
  const selected = documents.filter(
    ({ document }) =>
      Object.entries(query.where ?? {}).every(([field, value]) => matches(document, field, value)) &&
      (query.range === undefined || inRange(document[query.orderBy as string], query.range)),
  )
  const direction = query.direction === 'desc' ? -1 : 1
  return selected
    .sort((a, b) => direction * ((query.orderBy === undefined ? 0 : compareFieldValues(a.document[query.orderBy], b.document[query.orderBy])) || byCodePoint(a.id, b.id)))
    .map((entry) => entry.id)
}
