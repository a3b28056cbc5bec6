import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median, percentile, ratio, spread } from '../src/report/statistics'

const samples = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 })

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle ones of an even count, whatever the order', () => {
    expect(median([30, 10, 20])).toBe(20)
    expect(median([40, 10, 30, 20])).toBe(25)
    expect(median([7])).toBe(7)
  })

  it('is NaN for no samples, so an empty figure never reads as 0', () => {
    expect(median([])).toBeNaN()
  })

  it('for any samples lies between the smallest and the largest, and does not depend on their order', () => {
    fc.assert(
      fc.property(samples, fc.integer(), (values, seed) => {
        const middle = median(values)
        expect(middle).toBeGreaterThanOrEqual(Math.min(...values))
        expect(middle).toBeLessThanOrEqual(Math.max(...values))
        const shuffled = [...values].sort(() => ((seed = (seed * 1103515245 + 12345) | 0) & 1 ? 1 : -1))
        expect(median(shuffled)).toBe(middle)
      }),
    )
  })
})

describe('percentile', () => {
  it('takes the nearest rank: p99 of 1..100 is 99, of 1..1000 is 990, p100 the largest', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(Array.from({ length: 1000 }, (_, index) => index + 1), 99)).toBe(990)
    expect(percentile(hundred, 100)).toBe(100)
    expect(percentile([5, 1, 3], 0)).toBe(1)
  })

  it('refuses a percentile outside 0–100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError)
    expect(() => percentile([1], -1)).toThrow(RangeError)
  })

  it('for any samples is one of them, and never falls as p rises', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (values, p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p]
        expect(values).toContain(percentile(values, low))
        expect(percentile(values, high)).toBeGreaterThanOrEqual(percentile(values, low))
      }),
    )
  })
})

describe('ratio', () => {
  it('divides the figure by its reference', () => {
    expect(ratio(300, 400)).toBe(0.75)
  })

  it('is undefined when either side is missing, not finite, or the reference is zero', () => {
    expect(ratio(undefined, 1)).toBeUndefined()
    expect(ratio(1, undefined)).toBeUndefined()
    expect(ratio(1, 0)).toBeUndefined()
    expect(ratio(Number.NaN, 1)).toBeUndefined()
  })
})

describe('spread', () => {
  it('is (max − min) ÷ median, and 0 for one sample', () => {
    expect(spread([90, 100, 110])).toBeCloseTo(0.2)
    expect(spread([42])).toBe(0)
  })
})
