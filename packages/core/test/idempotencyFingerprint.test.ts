import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appendFingerprint, canonicalJson, fingerprintOf } from '../src/idempotencyFingerprint'

/** The same value with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reordered(child)]))
}

const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown)

describe('idempotency fingerprints', () => {
  it('for all JSON values, canonicalJson is JSON that parses back to the value, whatever the key order', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value)
        expect(JSON.parse(text)).toEqual(value)
        expect(canonicalJson(reordered(value))).toBe(text)
      }),
      { numRuns: 500 },
    )
  })

  it('for all pairs of JSON values, the fingerprints are equal exactly when the values are', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(fingerprintOf(a) === fingerprintOf(b)).toBe(isDeepStrictEqual(a, b))
        expect(fingerprintOf(reordered(a))).toBe(fingerprintOf(a))
      }),
      { numRuns: 500 },
    )
  })

  it('leaves undefined properties out, as JSON does, and orders keys by code unit', () => {
    expect(canonicalJson({ b: 1, a: undefined, A: [1, { z: null, y: 'é' }] })).toBe('{"A":[1,{"y":"é","z":null}],"b":1}')
  })

  it("an append's fingerprint covers the stream and each event's type, schema version and data, not its id or metadata", () => {
    const event = { type: 'T', schemaVersion: 1, data: { a: 1, b: 2 } }
    const base = appendFingerprint('s1', [event])
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(appendFingerprint('s1', [{ ...event, data: { b: 2, a: 1 }, id: 'other', metadata: { x: 1 } } as typeof event])).toBe(base)
    for (const other of [
      appendFingerprint('s2', [event]),
      appendFingerprint('s1', [{ ...event, type: 'U' }]),
      appendFingerprint('s1', [{ ...event, schemaVersion: 2 }]),
      appendFingerprint('s1', [{ ...event, data: { a: 1, b: 3 } }]),
      appendFingerprint('s1', [event, event]),
    ]) {
      expect(other).not.toBe(base)
    }
  })
})
