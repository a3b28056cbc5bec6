import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readAllEvents, readStreamEvents, sampleEvent, sampleEvents, unique } from '../sampleEvents'

export function describeExpectedVersion({ run, options }: EventStoreSuite): void {
  describe('R2 expected version', () => {
    it('R2 a stale expected version throws STREAM_VERSION_CONFLICT with the versions, and writes nothing', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', sampleEvents(3), { expectedVersion: 'none' })
      const error = await expectCoded(() => store.append('s1', sampleEvents(2), { expectedVersion: 2 }), 'STREAM_VERSION_CONFLICT')
      expect(error.details).toMatchObject({ streamId: 's1', expected: 2, actual: 3 })
      expect(await readAllEvents(store)).toHaveLength(3)
    }), options.testTimeout)

    it("R2 'none' (and 0) accepts only a stream that does not exist yet", run(async ({ open }) => {
      const store = await open()
      expect((await store.append('s1', sampleEvents(1), { expectedVersion: 'none' })).nextExpectedVersion).toBe(1)
      expect((await store.append('s2', sampleEvents(1), { expectedVersion: 0 })).nextExpectedVersion).toBe(1)
      await expectCoded(() => store.append('s1', sampleEvents(1), { expectedVersion: 'none' }), 'STREAM_VERSION_CONFLICT')
      await expectCoded(() => store.append('s2', sampleEvents(1), { expectedVersion: 0 }), 'STREAM_VERSION_CONFLICT')
      expect(await readAllEvents(store)).toHaveLength(2)
    }), options.testTimeout)

    it("R2 'any' appends whatever the stream's version, new or existing", run(async ({ open }) => {
      const store = await open()
      expect((await store.append('s1', sampleEvents(2), { expectedVersion: 'any' })).nextExpectedVersion).toBe(2)
      expect((await store.append('s1', sampleEvents(1), { expectedVersion: 'any' })).nextExpectedVersion).toBe(3)
    }), options.testTimeout)

    it('R2 for all stream lengths n and expected versions e: the append succeeds exactly when e = n, and a refusal writes nothing', run(async ({ open }) => {
      const store = await open()
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 7 }), async (length, expected) => {
          const streamId = unique('r2')
          if (length > 0) await store.append(streamId, sampleEvents(length), { expectedVersion: 'none' })
          if (expected === length) {
            const result = await store.append(streamId, sampleEvents(1), { expectedVersion: expected })
            expect(result.nextExpectedVersion).toBe(length + 1)
          } else {
            await expectCoded(() => store.append(streamId, sampleEvents(1), { expectedVersion: expected }), 'STREAM_VERSION_CONFLICT')
            expect(await readStreamEvents(store, streamId)).toHaveLength(length)
          }
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R2 of concurrent appends at the same expected version from separate stores, exactly one wins', run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      await stores[0]?.append('contested', sampleEvents(1), { expectedVersion: 'none' })
      const outcomes = await Promise.allSettled(stores.map((store, index) => store.append('contested', [sampleEvent({ writer: index })], { expectedVersion: 1 })))
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled')
      expect(winners).toHaveLength(1)
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect((outcome.reason as { code?: unknown }).code).toBe('STREAM_VERSION_CONFLICT')
      }
      const reader = await open()
      expect((await readStreamEvents(reader, 'contested')).map((event) => event.version)).toEqual([1, 2])
    }), options.testTimeout)

    it("R2 of concurrent appends creating one stream with 'none' from separate stores, exactly one wins and the rest get STREAM_VERSION_CONFLICT", run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      const outcomes = await Promise.allSettled(stores.map((store, index) => store.append('born-once', sampleEvents(2, `w${index}`), { expectedVersion: 'none' })))
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect((outcome.reason as { code?: unknown }).code).toBe('STREAM_VERSION_CONFLICT')
      }
      const reader = await open()
      const labels = (await readStreamEvents(reader, 'born-once')).map((event) => (event.data as { label: string }).label)
      expect(labels).toHaveLength(2)
      expect(new Set(labels).size).toBe(1)
    }), options.testTimeout)

    it("R2 concurrent 'any' appends to one stream from separate stores all succeed, with consecutive versions", run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      const results = await Promise.all(stores.map((store, index) => store.append('shared', sampleEvents(2, `w${index}`), { expectedVersion: 'any' })))
      expect(results.map((result) => result.nextExpectedVersion).sort((a, b) => a - b)).toEqual(stores.map((_, index) => 2 * (index + 1)))
      const reader = await open()
      const events = await readStreamEvents(reader, 'shared')
      expect(events.map((event) => event.version)).toEqual(Array.from({ length: 2 * stores.length }, (_, index) => index + 1))
      // Each append's two events sit next to each other: appends do not interleave within a stream.
      for (let index = 0; index < events.length; index += 2) {
        expect((events[index]?.data as { label: string }).label).toBe((events[index + 1]?.data as { label: string }).label)
      }
    }), options.testTimeout)
  })
}
