import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readStreamEvents, sampleEvents, unique } from '../sampleEvents'

export function describeStreamVersions({ run, options }: EventStoreSuite): void {
  describe('R3 per-stream versions', () => {
    it('R3 for all sequences of appends, a stream holds versions 1..n without gaps and each result reports its end', run(async ({ open }) => {
      const store = await open()
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }), async (batches) => {
          const streamId = unique('r3')
          let version = 0
          for (const size of batches) {
            const result = await store.append(streamId, sampleEvents(size), { expectedVersion: version })
            expect(result.nextExpectedVersion).toBe(version + size)
            expect(result.duplicate).toBe(false)
            expect(result.streamId).toBe(streamId)
            expect(result.lastPosition >= result.firstPosition).toBe(true)
            version += size
          }
          const events = await readStreamEvents(store, streamId)
          expect(events.map((event) => event.version)).toEqual(Array.from({ length: version }, (_, index) => index + 1))
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R3 a refused append leaves no gap: the next successful one continues at n + 1', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', sampleEvents(2), { expectedVersion: 'none' })
      await expectCoded(() => store.append('s1', sampleEvents(3), { expectedVersion: 1 }))
      await expectCoded(() => store.append('s1', [{ type: '', schemaVersion: 1, data: {}, metadata: {} } as never], { expectedVersion: 2 }))
      await store.append('s1', sampleEvents(1), { expectedVersion: 2 })
      expect((await readStreamEvents(store, 's1')).map((event) => event.version)).toEqual([1, 2, 3])
    }), options.testTimeout)

    it('R3 streams count their versions independently', run(async ({ open }) => {
      const store = await open()
      await store.append('a', sampleEvents(3), { expectedVersion: 'none' })
      await store.append('b', sampleEvents(1), { expectedVersion: 'none' })
      await store.append('a', sampleEvents(1), { expectedVersion: 3 })
      expect((await readStreamEvents(store, 'a')).map((event) => event.version)).toEqual([1, 2, 3, 4])
      expect((await readStreamEvents(store, 'b')).map((event) => event.version)).toEqual([1])
      expect(await readStreamEvents(store, 'never-written')).toEqual([])
    }), options.testTimeout)
  })
}
