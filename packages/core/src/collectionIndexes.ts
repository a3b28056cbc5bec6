import { InvalidStoreInput } from './errors'
import { compareCodePoints } from './indexKeys'
import { storeInputReasons as reasons } from './storeInputReasons'
import { assertIdentifier } from './storeInput'

export const MAX_INDEXED_FIELDS = 16
export const MAX_FIELD_NAME_LENGTH = 64

/**
 * A checked declareCollections argument: collection → its indexed fields,
 * de-duplicated and in code-point order, so two declarations of the same
 * fields in another order compare equal and redeclaring is a no-op.
 */
export type DeclaredIndexes = Map<string, readonly string[]>

export function checkCollectionIndexes(indexes: unknown): DeclaredIndexes {
  if (typeof indexes !== 'object' || indexes === null || Array.isArray(indexes)) {
    throw new InvalidStoreInput(reasons.notAnObject('indexes'), { field: 'indexes' })
  }
  const declared: DeclaredIndexes = new Map()
  for (const [collection, declaration] of Object.entries(indexes)) {
    assertIdentifier('collection', collection)
    const indexed = typeof declaration === 'object' && declaration !== null ? (declaration as { indexed?: unknown }).indexed : undefined
    if (!Array.isArray(indexed)) throw new InvalidStoreInput(reasons.mustBeArray('indexed'), { field: 'indexed', collection })
    indexed.forEach((field) => assertIdentifier('indexed[]', field, MAX_FIELD_NAME_LENGTH))
    const fields = [...new Set(indexed as string[])].sort(compareCodePoints)
    if (fields.length > MAX_INDEXED_FIELDS) {
      throw new InvalidStoreInput(
        { id: `satu koleksi mengindeks paling banyak ${MAX_INDEXED_FIELDS} kolom`, en: `a collection indexes at most ${MAX_INDEXED_FIELDS} fields` },
        { field: 'indexed', collection },
      )
    }
    declared.set(collection, fields)
  }
  return declared
}

export function sameFields(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((field, index) => field === b[index])
}
