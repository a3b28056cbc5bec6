import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { idempotencyKeyOf } from '../../src/idempotencyKey'

const keyCharacter = fc.constantFrom(...[...Array(0x7f - 0x21).keys()].map((offset) => String.fromCharCode(0x21 + offset)).filter((char) => char !== '"' && char !== ','))
const key = fc.array(keyCharacter, { minLength: 1, maxLength: 200 }).map((chars) => chars.join(''))

describe('Idempotency-Key', () => {
  it('for every key of 1–200 visible ASCII characters, bare or quoted, the key is itself', () => {
    fc.assert(
      fc.property(key, (value) => {
        expect(idempotencyKeyOf(value)).toBe(value)
        expect(idempotencyKeyOf(`"${value}"`)).toBe(value)
      }),
    )
  })

  it('for every key holding a space, a comma or a character outside visible ASCII, the header is malformed', () => {
    fc.assert(
      fc.property(key, fc.constantFrom(' a', ',', '\t', 'é', '\u0000', '"'), fc.nat(), (value, bad, at) => {
        const index = at % (value.length + 1)
        const header = `${value.slice(0, index)}${bad}${value.slice(index)}`
        // A bad character at either end of a key is only trimmed whitespace: that key is still fine.
        fc.pre(header.trim() === header && !(bad === '"' && (index === 0 || index === value.length)))
        expect(() => idempotencyKeyOf(header)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_MALFORMED' }))
      }),
    )
  })

  it('no header is no key; an empty, too long or half-quoted one is malformed', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined()
    for (const header of ['', '""', '"', 'k'.repeat(201), '"abc', 'abc"']) {
      expect(() => idempotencyKeyOf(header)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_MALFORMED' }))
    }
  })
})
