import { describe, expect, it } from 'vitest'
import type { EventStore, NewEvent } from '@kerjasama/core'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readAllEvents, readStreamEvents, sampleEvent, sampleEvents, sampleMetadata, unique } from '../sampleEvents'
import { describeIdempotencyProperty } from './idempotencyProperty'

/** Asserts the append is refused as a reused key, naming the key and nothing of the payload, and that it wrote nothing. */
export async function expectKeyReused(store: EventStore, append: () => Promise<unknown>, key: string): Promise<void> {
  const before = await readAllEvents(store)
  const error = await expectCoded(append, 'IDEMPOTENCY_KEY_REUSED')
  expect(error.details).toEqual({ idempotencyKey: key })
  expect(await readAllEvents(store)).toEqual(before)
}

export function describeIdempotency(suite: EventStoreSuite): void {
  const { run, options } = suite
  describe('R4 idempotency key', () => {
    it('R4 the same key returns the first result with duplicate: true and writes nothing', run(async ({ open }) => {
      const store = await open()
      const first = await store.append('s1', sampleEvents(2), { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      expect(first.duplicate).toBe(false)
      const again = await store.append('s1', sampleEvents(2), { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      expect(again).toEqual({ ...first, duplicate: true })
      expect(await readAllEvents(store)).toHaveLength(2)
    }), options.testTimeout)

    it('R4 the same key with the same content wins over new event ids, other metadata, reordered data keys and a now-stale expected version: still the first result', run(async ({ open }) => {
      const store = await open()
      const first = await store.append('s1', [sampleEvent({ a: 1, b: { c: 2, d: [3] } }, { id: unique('first') })], { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      await store.append('s1', sampleEvents(1), { expectedVersion: 1 })
      const retry: NewEvent = sampleEvent({ b: { d: [3], c: 2 }, a: 1 }, { id: unique('retry'), metadata: sampleMetadata({ correlationId: 'retry', recordedAt: '2026-01-16T09:00:00.000Z' }) })
      const retried = await store.append('s1', [retry], { expectedVersion: 0, idempotencyKey: 'cmd-1' })
      expect(retried).toEqual({ ...first, duplicate: true })
      expect(await readAllEvents(store)).toHaveLength(2)
    }), options.testTimeout)

    it('R4 the same key with other content, on the same stream or another, is IDEMPOTENCY_KEY_REUSED and writes nothing', run(async ({ open }) => {
      const store = await open()
      const first = await store.append('s1', sampleEvents(2), { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
      const others: Array<[string, NewEvent[]]> = [
        ['s1', [sampleEvent({ other: true })]],
        ['s1', sampleEvents(1)],
        ['s1', sampleEvents(3)],
        ['s1', sampleEvents(2).map((event) => ({ ...event, type: 'OtherRecorded' }))],
        ['s1', sampleEvents(2).map((event) => ({ ...event, schemaVersion: 2 }))],
        ['s2', sampleEvents(2)],
      ]
      for (const [streamId, events] of others) {
        await expectKeyReused(store, () => store.append(streamId, events, { expectedVersion: 'any', idempotencyKey: 'cmd-1' }), 'cmd-1')
      }
      expect(await readStreamEvents(store, 's2')).toEqual([])
      // The refusals did not disturb the key: the real retry still gets the first result.
      expect(await store.append('s1', sampleEvents(2), { expectedVersion: 'any', idempotencyKey: 'cmd-1' })).toEqual({ ...first, duplicate: true })
    }), options.testTimeout)

    it('R4 a given idempotencyFingerprint decides alone: the same one returns the first result whatever the events, another one or none is IDEMPOTENCY_KEY_REUSED', run(async ({ open }) => {
      const store = await open()
      const key = 'cmd-fingerprint'
      const first = await store.append('s1', sampleEvents(1), { expectedVersion: 'none', idempotencyKey: key, idempotencyFingerprint: 'command-digest-a' })
      const sameCommand = await store.append('s2', [sampleEvent({ decidedAgain: true })], { expectedVersion: 'any', idempotencyKey: key, idempotencyFingerprint: 'command-digest-a' })
      expect(sameCommand).toEqual({ ...first, duplicate: true })
      await expectKeyReused(store, () => store.append('s1', sampleEvents(1), { expectedVersion: 'any', idempotencyKey: key, idempotencyFingerprint: 'command-digest-b' }), key)
      await expectKeyReused(store, () => store.append('s1', sampleEvents(1), { expectedVersion: 'any', idempotencyKey: key }), key)
      expect(await readAllEvents(store)).toHaveLength(1)
    }), options.testTimeout)

    it('R4 an idempotencyFingerprint without a key, or one that is not a short string without control characters, is STORE_INPUT_INVALID and writes nothing', run(async ({ open }) => {
      const store = await open()
      const refused: unknown[] = [
        { expectedVersion: 'none', idempotencyFingerprint: 'digest' },
        { expectedVersion: 'none', idempotencyKey: 'k', idempotencyFingerprint: '' },
        { expectedVersion: 'none', idempotencyKey: 'k', idempotencyFingerprint: 42 },
        { expectedVersion: 'none', idempotencyKey: 'k', idempotencyFingerprint: 'a\nb' },
        { expectedVersion: 'none', idempotencyKey: 'k', idempotencyFingerprint: 'x'.repeat(201) },
      ]
      for (const appendOptions of refused) {
        const error = await expectCoded(() => store.append('s1', sampleEvents(1), appendOptions as never), 'STORE_INPUT_INVALID')
        expect(error.details.field).toBe('idempotencyFingerprint')
      }
      expect(await readAllEvents(store)).toEqual([])
    }), options.testTimeout)

    it('R4 a refused append does not use up its key: retrying at the right version with the same key writes', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', sampleEvents(1), { expectedVersion: 'none' })
      await expectCoded(() => store.append('s1', sampleEvents(1), { expectedVersion: 0, idempotencyKey: 'cmd-2' }), 'STREAM_VERSION_CONFLICT')
      await expectCoded(() => store.append('s1', [sampleEvent({ bad: 1n })], { expectedVersion: 1, idempotencyKey: 'cmd-2' }), 'STORE_INPUT_INVALID')
      const result = await store.append('s1', sampleEvents(1), { expectedVersion: 1, idempotencyKey: 'cmd-2' })
      expect(result).toMatchObject({ nextExpectedVersion: 2, duplicate: false })
    }), options.testTimeout)

    it('R4 concurrent appends of the same content with one key from separate stores write once; every caller gets the same positions', run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      const outcomes = await Promise.allSettled(stores.map((store) => store.append('s1', sampleEvents(1), { expectedVersion: 'any', idempotencyKey: 'same-command' })))
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

    it('R4 concurrent appends of different content with one key from separate stores: exactly one is written, every other caller gets IDEMPOTENCY_KEY_REUSED', run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      // Half aim at one stream and half at another, so both the same-stream and the cross-stream race are run.
      const outcomes = await Promise.allSettled(
        stores.map((store, index) => store.append(`s${index % 2}`, [sampleEvent({ writer: index })], { expectedVersion: 'any', idempotencyKey: 'one-key' })),
      )
      const written = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))
      expect(written).toHaveLength(1)
      expect(written[0]?.duplicate).toBe(false)
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect((outcome.reason as { code?: unknown }).code).toBe('IDEMPOTENCY_KEY_REUSED')
      }
      const reader = await open()
      const events = await readAllEvents(reader)
      expect(events).toHaveLength(1)
      expect(events[0]?.streamId).toBe(written[0]?.streamId)
    }), options.testTimeout)

    describeIdempotencyProperty(suite)
  })
}
