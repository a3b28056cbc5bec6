import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readAllEvents, sampleEvent, sampleEvents } from '../sampleEvents'

export function describeIdempotency({ run, options }: EventStoreSuite): void {
  describe('R4 idempotency key', () => {
    it('R4 the same key returns the first result with duplicate: true and writes nothing', run(async ({ open }) => {
      const store = await open()
      const first = await store.append('s1', sampleEvents(2), { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      expect(first.duplicate).toBe(false)
      const again = await store.append('s1', sampleEvents(2), { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      expect(again).toEqual({ ...first, duplicate: true })
      expect(await readAllEvents(store)).toHaveLength(2)
    }), options.testTimeout)

    it('R4 a repeated key wins over a now-stale expected version, other events and another stream: still the first result', run(async ({ open }) => {
      const store = await open()
      const first = await store.append('s1', sampleEvents(1), { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      await store.append('s1', sampleEvents(1), { expectedVersion: 1 })
      const retried = await store.append('s1', [sampleEvent({ other: true })], { expectedVersion: 0, idempotencyKey: 'cmd-1' })
      expect(retried).toEqual({ ...first, duplicate: true })
      const elsewhere = await store.append('s2', sampleEvents(1), { expectedVersion: 'any', idempotencyKey: 'cmd-1' })
      expect(elsewhere).toEqual({ ...first, duplicate: true })
      expect(await readAllEvents(store)).toHaveLength(2)
    }), options.testTimeout)

    it('R4 a refused append does not use up its key: retrying at the right version with the same key writes', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', sampleEvents(1), { expectedVersion: 'none' })
      await expectCoded(() => store.append('s1', sampleEvents(1), { expectedVersion: 0, idempotencyKey: 'cmd-2' }), 'STREAM_VERSION_CONFLICT')
      await expectCoded(() => store.append('s1', [sampleEvent({ bad: 1n })], { expectedVersion: 1, idempotencyKey: 'cmd-2' }), 'STORE_INPUT_INVALID')
      const result = await store.append('s1', sampleEvents(1), { expectedVersion: 1, idempotencyKey: 'cmd-2' })
      expect(result).toMatchObject({ nextExpectedVersion: 2, duplicate: false })
    }), options.testTimeout)

    it('R4 concurrent appends with one key from separate stores write once; every caller gets the same positions', run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      const outcomes = await Promise.allSettled(stores.map((store, index) => store.append('s1', [sampleEvent({ writer: index })], { expectedVersion: 'any', idempotencyKey: 'same-command' })))
      const results = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))
      // A loser may also see a version conflict, never anything else; whoever answers agrees on what was written.
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect((outcome.reason as { code?: unknown }).code).toBe('STREAM_VERSION_CONFLICT')
      }
      expect(results.filter((result) => !result.duplicate)).toHaveLength(1)
      const written = results.find((result) => !result.duplicate)
      for (const result of results) expect({ ...result, duplicate: false }).toEqual(written)
      const reader = await open()
      expect(await readAllEvents(reader)).toHaveLength(1)
    }), options.testTimeout)
  })
}
