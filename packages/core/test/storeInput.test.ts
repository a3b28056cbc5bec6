import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isKerjasamaError } from '@kerjasama/core'
import { prepareAppend } from '@kerjasama/core/adapter'

const metadata = { actor: { id: 'u1', role: 'opd' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' }

describe('prepareAppend', () => {
  it('serialises valid events once', () => {
    const prepared = prepareAppend('s-1', [{ type: 'X', schemaVersion: 1, data: { a: 'é' }, metadata }], { expectedVersion: 'none' })
    expect(prepared.events[0]?.dataJson).toBe('{"a":"é"}')
  })
  it.each([
    ['BigInt', { n: 1n }],
    ['a cycle', (() => { const o: Record<string, unknown> = {}; o.self = o; return o })()],
    ['NaN', { n: Number.NaN }],
    ['a Date', { d: new Date(0) }],
    ['a lone surrogate', { s: '\ud800' }],
  ])('refuses data holding %s with STORE_INPUT_INVALID', (_label, data) => {
    expect(() => prepareAppend('s-1', [{ type: 'X', schemaVersion: 1, data, metadata }], { expectedVersion: 'none' })).toThrow(expect.objectContaining({ code: 'STORE_INPUT_INVALID' }))
  })
  it('refuses empty, oversized and control-character stream ids', () => {
    for (const id of ['', 'x'.repeat(201), 'a\nb', 42]) {
      expect(() => prepareAppend(id, [{ type: 'X', schemaVersion: 1, data: {}, metadata }], { expectedVersion: 'none' })).toThrow(expect.objectContaining({ code: 'STORE_INPUT_INVALID' }))
    }
  })
  it('refuses a payload beyond the limit with PAYLOAD_TOO_LARGE', () => {
    expect(() => prepareAppend('s', [{ type: 'X', schemaVersion: 1, data: { s: 'x'.repeat(2000) }, metadata }], { expectedVersion: 'any' }, { maxEventBytes: 1000 })).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }))
  })
  it('for any input either returns or throws a coded error', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), fc.anything(), (s, e, o) => {
      try { prepareAppend(s, e, o) } catch (error) { expect(isKerjasamaError(error)).toBe(true) }
    }), { numRuns: 1000 })
  })
})
