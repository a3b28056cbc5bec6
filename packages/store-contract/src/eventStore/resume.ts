import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { readAllEvents, sampleEvents } from '../sampleEvents'

export function describeResume({ run, options }: EventStoreSuite): void {
  describe('R6 readAll resumes from a checkpoint', () => {
    it('R6 for all split points p: read(from 1) == read(up to p) ++ read(from p + 1)', run(async ({ open }) => {
      const store = await open()
      for (const [streamId, count] of [['a', 4], ['b', 3], ['a', 2], ['c', 5]] as const) {
        await store.append(streamId, sampleEvents(count, streamId), { expectedVersion: 'any' })
      }
      const all = await readAllEvents(store)
      expect(all).toHaveLength(14)
      const lastPosition = all.at(-1)?.position as bigint
      await fc.assert(
        fc.asyncProperty(fc.bigInt({ min: 0n, max: lastPosition + 2n }), async (p) => {
          const rest = await readAllEvents(store, { fromPosition: p + 1n })
          const head = all.filter((event) => event.position <= p)
          expect([...head, ...rest]).toEqual(all)
          expect(rest.every((event) => event.position > p)).toBe(true)
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R6 resuming after the k-th event delivered yields exactly the events after it', run(async ({ open }) => {
      const store = await open()
      await store.append('a', sampleEvents(6), { expectedVersion: 'none' })
      await store.append('b', sampleEvents(4), { expectedVersion: 'none' })
      const all = await readAllEvents(store)
      for (let k = 0; k < all.length; k += 1) {
        const checkpoint = all[k]?.position as bigint
        expect(await readAllEvents(store, { fromPosition: checkpoint + 1n })).toEqual(all.slice(k + 1))
      }
      expect(await readAllEvents(store, { fromPosition: 0n })).toEqual(all)
    }), options.testTimeout)

    it('R6 for all batch sizes, readAll yields the same events in the same order', run(async ({ open }) => {
      const store = await open()
      await store.append('a', sampleEvents(9), { expectedVersion: 'none' })
      await store.append('b', sampleEvents(8), { expectedVersion: 'none' })
      const all = await readAllEvents(store)
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: all.length }), async (batchSize, skip) => {
          const from = skip === 0 ? 1n : (all[skip - 1]?.position as bigint) + 1n
          expect(await readAllEvents(store, { fromPosition: from, batchSize })).toEqual(all.slice(skip))
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R6 an empty store and a position past the end read as empty', run(async ({ open }) => {
      const store = await open()
      expect(await readAllEvents(store)).toEqual([])
      const { lastPosition } = await store.append('a', sampleEvents(2), { expectedVersion: 'none' })
      expect(await readAllEvents(store, { fromPosition: lastPosition + 1n })).toEqual([])
      expect(await readAllEvents(store, { fromPosition: lastPosition + 1000n })).toEqual([])
    }), options.testTimeout)
  })
}
