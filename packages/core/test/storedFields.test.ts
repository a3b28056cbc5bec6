import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReadModelDocument } from '../src'
import { assertJsonValue, indexEntriesOf, storedFieldsOf } from '../src/adapter'

const FIELDS = ['stage', 'value', 'tags', 'nested', '__proto__', 'hidden', 'missing']

/** What an adapter that indexes the stored text makes: the entries of the document's JSON, parsed. */
const entriesOfText = (document: ReadModelDocument) => indexEntriesOf(JSON.parse(JSON.stringify(document)) as ReadModelDocument, FIELDS)

describe('storedFieldsOf: the indexed fields as the stored text holds them', () => {
  it('gives the entries of the parsed JSON text, for JSON values of every kind', () => {
    const scalar = fc.oneof(fc.constantFrom(-0, 0, 0.5, -1e-300, 1e300, 2 ** 53, '', 'Ünïcødé 😀', true, false, null), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    const field = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 3 }), fc.constant(undefined))
    fc.assert(
      fc.property(fc.record({ stage: field, value: field, tags: field, nested: field, other: field }, { requiredKeys: [] }), (document) => {
        assertJsonValue(document, 'document')
        expect(indexEntriesOf(storedFieldsOf(document, FIELDS), FIELDS)).toEqual(entriesOfText(document))
      }),
    )
  })

  it('leaves out what JSON.stringify leaves out (a non-enumerable or undefined property) and keeps an own __proto__ property as a field', () => {
    const document = JSON.parse('{"__proto__": "x", "stage": -0, "tags": [-0, "a", null]}') as ReadModelDocument
    Object.defineProperty(document, 'hidden', { value: 'not in the text', enumerable: false })
    Object.defineProperty(document, 'missing', { value: undefined, enumerable: true })
    const entries = indexEntriesOf(storedFieldsOf(document, FIELDS), FIELDS)
    expect(entries).toEqual(entriesOfText(document))
    expect(entries).toContainEqual({ field: '__proto__', key: 'sx', ordered: true })
    expect(entries.filter((entry) => entry.field === 'hidden')).toEqual([{ field: 'hidden', key: '0', ordered: true }])
  })
})
