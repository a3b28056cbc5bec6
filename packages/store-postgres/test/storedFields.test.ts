import type { ReadModelDocument } from '@kerjasama/core'
import { assertJsonValue } from '@kerjasama/core/adapter'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entryArrays, storedFieldsOf } from '../src/postgresCollections'

const FIELDS = ['stage', 'value', 'tags', 'nested', '__proto__', 'hidden', 'missing']

/** What the entries were made from before: the document's whole JSON text, parsed. */
function fromText(document: ReadModelDocument): ReturnType<typeof entryArrays> {
  return entryArrays(JSON.parse(JSON.stringify(document)) as ReadModelDocument, FIELDS)
}

describe("a put's index entries from the document's declared fields", () => {
  it('are the entries of its parsed JSON text, for JSON values of every kind', () => {
    const value = fc.oneof(fc.constantFrom(-0, 0, 0.5, -1e-300, 1e300, 2 ** 53, 'a', '', 'Ünïcødé 😀', true, false, null), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    const field = fc.oneof(value, fc.array(value, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), value, { maxKeys: 3 }), fc.constant(undefined))
    fc.assert(
      fc.property(fc.record({ stage: field, value: field, tags: field, nested: field, other: field }, { requiredKeys: [] }), (document) => {
        assertJsonValue(document, 'document')
        expect(entryArrays(storedFieldsOf(document, FIELDS), FIELDS)).toEqual(fromText(document))
      }),
    )
  })

  it('leave out what JSON.stringify leaves out, and keep an own __proto__ property as a field', () => {
    const document = JSON.parse('{"__proto__": "x", "stage": -0, "tags": [-0, "a", null]}') as ReadModelDocument
    Object.defineProperty(document, 'hidden', { value: 'not in the text', enumerable: false })
    Object.defineProperty(document, 'missing', { value: undefined, enumerable: true })
    const entries = entryArrays(storedFieldsOf(document, FIELDS), FIELDS)
    expect(entries).toEqual(fromText(document))
    expect(entries.fields).toContain('__proto__')
  })
})
