import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { etagOf, expectedVersionOf, ifNoneMatchHolds } from '../../src/etag'

describe('ETag and If-Match', () => {
  it('for every version, the ETag sent back as If-Match (weak or strong) names that version', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (version) => {
        expect(expectedVersionOf(etagOf(version))).toBe(version)
        expect(expectedVersionOf(etagOf(version).slice(2))).toBe(version)
        expect(ifNoneMatchHolds(etagOf(version), version)).toBe(true)
        expect(ifNoneMatchHolds(etagOf(version + 1), version)).toBe(false)
      }),
    )
  })

  it('for every header that is not one entity tag or *, If-Match is IF_MATCH_MALFORMED', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((text) => !/^\s*(?:\*|(?:W\/)?"(?:0|[1-9]\d{0,15})")\s*$/.test(text)), (header) => {
        expect(() => expectedVersionOf(header)).toThrow(expect.objectContaining({ code: 'IF_MATCH_MALFORMED' }))
      }),
    )
  })

  it('a version past Number.MAX_SAFE_INTEGER is malformed, not rounded to another version', () => {
    expect(() => expectedVersionOf('W/"9007199254740993"')).toThrow(expect.objectContaining({ code: 'IF_MATCH_MALFORMED' }))
    expect(expectedVersionOf('W/"9007199254740991"')).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('no If-Match and If-Match: * ask for no version', () => {
    expect(expectedVersionOf(undefined)).toBeUndefined()
    expect(expectedVersionOf(' * ')).toBeUndefined()
  })

  it('If-None-Match takes lists and *', () => {
    expect(ifNoneMatchHolds('W/"1", W/"4"', 4)).toBe(true)
    expect(ifNoneMatchHolds('*', 4)).toBe(true)
    expect(ifNoneMatchHolds(undefined, 4)).toBe(false)
    expect(ifNoneMatchHolds('garbage', 4)).toBe(false)
  })
})
