import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventStore, StoredEvent } from '@kerjasama/core'
import { findHead } from '../../src/runner/head'

/** A log holding events at exactly these positions (gaps allowed, as PostgreSQL sequences leave them); counts round trips. */
function logAt(positions: readonly bigint[]): Pick<EventStore, 'readAll'> & { trips: () => number } {
  let trips = 0
  const sorted = [...new Set(positions)].sort((a, b) => (a < b ? -1 : 1))
  return {
    trips: () => trips,
    readAll: (options) =>
      (async function* () {
        trips += 1
        for (const position of sorted) if (position >= (options?.fromPosition ?? 1n)) yield { position } as StoredEvent
      })(),
  }
}

describe('findHead', () => {
  it('P11 finds the last position of any log, gaps included, from any known position at or below it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.bigInt({ min: 1n, max: 5000n }), { maxLength: 40 }), fc.nat(), async (positions, pick) => {
        const log = logAt(positions)
        const sorted = [...positions].sort((a, b) => (a < b ? -1 : 1))
        const last = sorted.at(-1) ?? 0n
        const known = sorted.length === 0 ? 0n : (sorted[pick % sorted.length] as bigint)
        expect(await findHead(log, known)).toBe(last)
      }),
    )
  })

  it('P11 costs one round trip when nothing is new and about 2·log2 of the distance otherwise', async () => {
    const quiet = logAt([1n, 2n, 3n])
    expect(await findHead(quiet, 3n)).toBe(3n)
    expect(quiet.trips()).toBe(1)
    const long = logAt(Array.from({ length: 1_000_000 }, (_, n) => BigInt(n + 1)).filter((position) => position % 1000n === 0n || position === 1_000_000n))
    expect(await findHead(long, 0n)).toBe(1_000_000n)
    expect(long.trips()).toBeLessThanOrEqual(2 * 20 + 2)
  })
})
