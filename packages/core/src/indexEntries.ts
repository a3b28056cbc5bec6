import { InvalidStoreInput } from './errors'
import { NO_VALUE_KEY, indexKey } from './indexKeys'
import type { IndexValue, ReadModelDocument } from './store'

/**
 * One row of a collection's index (R14). Per document and indexed field there
 * is exactly one `ordered` entry, which places the document in a query ordered
 * by that field (the field's scalar key, or NO_VALUE_KEY); an array adds one
 * unordered entry per distinct scalar item, which equality matches but which
 * never orders, so an ordered page lists every document once.
 */
export type IndexEntry = { field: string; key: string; ordered: boolean }

/**
 * The longest key, in UTF-8 bytes. PostgreSQL refuses a btree entry over
 * about 2,700 bytes; this leaves room for the longest tenant, collection,
 * field and id beside it. Every adapter applies the same limit, so a document
 * one adapter indexes is never refused by another.
 */
export const MAX_INDEX_KEY_BYTES = 512
/** Distinct scalar items indexed per array field of one document. */
export const MAX_INDEXED_ITEMS = 256

export function isIndexValue(value: unknown): value is IndexValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

/**
 * The index entries of `document` for the collection's indexed `fields`.
 * Throws STORE_INPUT_INVALID (naming the field) for a value too long to index
 * or an array with too many items; the adapter calls this before it writes.
 */
export function indexEntriesOf(document: ReadModelDocument, fields: readonly string[]): IndexEntry[] {
  const entries: IndexEntry[] = []
  for (const field of fields) {
    const value = Object.hasOwn(document, field) ? document[field] : undefined
    if (isIndexValue(value)) {
      entries.push({ field, key: checkedKey(value, field), ordered: true })
      continue
    }
    entries.push({ field, key: NO_VALUE_KEY, ordered: true })
    if (!Array.isArray(value)) continue
    const keys = new Set<string>()
    for (const item of value) if (isIndexValue(item)) keys.add(checkedKey(item, field))
    if (keys.size > MAX_INDEXED_ITEMS) {
      throw new InvalidStoreInput(
        { id: `kolom terindeks ${field} memuat lebih dari ${MAX_INDEXED_ITEMS} nilai berbeda`, en: `indexed field ${field} holds more than ${MAX_INDEXED_ITEMS} distinct values` },
        { field },
      )
    }
    for (const key of keys) entries.push({ field, key, ordered: false })
  }
  return entries
}

function checkedKey(value: IndexValue, field: string): string {
  const key = indexKey(value)
  if (Buffer.byteLength(key, 'utf8') > MAX_INDEX_KEY_BYTES) {
    throw new InvalidStoreInput(
      { id: `nilai kolom terindeks ${field} terlalu panjang untuk diindeks (batas ${MAX_INDEX_KEY_BYTES} bita)`, en: `a value of indexed field ${field} is too long to index (limit ${MAX_INDEX_KEY_BYTES} bytes)` },
      { field, limit: MAX_INDEX_KEY_BYTES },
    )
  }
  return key
}

/**
 * The indexed fields of a document that passed assertJsonValue, as its
 * JSON.stringify text holds them, without serialising and parsing the whole
 * document again (a register entry runs to kilobytes, its indexed fields to
 * a few values). JSON.stringify writes each own enumerable property on its
 * own, so this is what parsing the text gives those fields: a non-enumerable
 * or undefined one absent, anything nested through JSON and back (-0 needs
 * nothing: its key is 0's). An adapter that indexes at the put makes the same
 * entries as one that indexes the stored text.
 */
export function storedFieldsOf(document: ReadModelDocument, fields: readonly string[]): ReadModelDocument {
  const stored = Object.create(null) as ReadModelDocument
  for (const field of fields) {
    if (!Object.prototype.propertyIsEnumerable.call(document, field)) continue
    const value = document[field]
    if (value === undefined) continue
    stored[field] = typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as unknown) : value
  }
  return stored
}
