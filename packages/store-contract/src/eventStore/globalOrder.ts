import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '@kerjasama/core'
import type { EventStoreSuite } from '../harness'
import { readAllEvents, sampleEvent, sampleEvents, unique } from '../sampleEvents'
import { MAX_IDLE_PASSES, letReaderRun, pause } from '../tailing'

function expectStrictlyIncreasing(positions: bigint[]): void {
  const offenders = positions.flatMap((position, index) => (index > 0 && position <= (positions[index - 1] as bigint) ? [`${positions[index - 1]} then ${position}`] : []))
  expect(offenders).toEqual([])
}

export function describeGlobalOrder({ run, options }: EventStoreSuite): void {
  describe('R5 global position', () => {
    it('R5 positions strictly increase in commit order across streams, and readAll delivers in that order', run(async ({ open }) => {
      const store = await open()
      const results = []
      for (const [streamId, count] of [['a', 2], ['b', 3], ['a', 1], ['c', 2]] as const) {
        results.push(await store.append(streamId, sampleEvents(count, streamId), { expectedVersion: 'any' }))
      }
      for (let index = 1; index < results.length; index += 1) {
        expect((results[index]?.firstPosition as bigint) > (results[index - 1]?.lastPosition as bigint)).toBe(true)
      }
      const all = await readAllEvents(store)
      expect(all.map((event) => event.streamId)).toEqual(['a', 'a', 'b', 'b', 'b', 'a', 'c', 'c'])
      expectStrictlyIncreasing(all.map((event) => event.position))
      expect(all.every((event) => typeof event.position === 'bigint' && event.position >= 1n)).toBe(true)
    }), options.testTimeout)

    it('R5 a reader tailing readAll while concurrent writers commit sees every event exactly once, in position order, none skipped', run(async ({ open }) => {
      const { concurrentWriters, eventsPerWriter } = options
      const writers = await Promise.all(Array.from({ length: concurrentWriters }, () => open()))
      const reader = await open()
      const runId = unique('r5')
      const total = concurrentWriters * eventsPerWriter
      const written = new Set<string>()
      let writing = true
      let passesWithNewEventsWhileWriting = 0

      const tail = (async () => {
        const seen: StoredEvent[] = []
        let last = 0n
        let idlePassesAfterWriters = 0
        for (;;) {
          const writersDone = !writing
          let progressed = false
          for await (const event of reader.readAll({ fromPosition: last + 1n, batchSize: 7 })) {
            seen.push(event)
            last = event.position
            progressed = true
          }
          if (progressed && !writersDone) passesWithNewEventsWhileWriting += 1
          if (writersDone && seen.length >= total) return seen
          if (writersDone && !progressed && (idlePassesAfterWriters += 1) > MAX_IDLE_PASSES) return seen
          await pause(!writersDone)
        }
      })()

      await Promise.all(writers.map(async (writer, w) => {
        for (let index = 0; index < eventsPerWriter; index += 1) {
          const id = `${runId}-w${w}-${index}`
          // Alternate streams so some writers contend on one stream (conflicts and retries) and others do not.
          const streamId = w % 2 === 0 ? `tail-${w}` : 'tail-shared'
          for (;;) {
            try {
              await writer.append(streamId, [sampleEvent({ w, index }, { id })], { expectedVersion: 'any' })
              break
            } catch (error) {
              if ((error as { code?: unknown }).code !== 'STREAM_VERSION_CONFLICT') throw error
            }
          }
          written.add(id)
          await letReaderRun()
        }
      }))
      writing = false
      const seen = await tail

      expectStrictlyIncreasing(seen.map((event) => event.position))
      const seenIds = seen.map((event) => event.id)
      expect(new Set(seenIds).size).toBe(seenIds.length)
      expect(seenIds.filter((id) => !written.has(id))).toEqual([])
      expect([...written].filter((id) => !seenIds.includes(id))).toEqual([])
      expect(seen).toHaveLength(total)
      // Guards against a vacuous pass: the reader really tailed, picking events up while writers were still committing.
      expect(passesWithNewEventsWhileWriting).toBeGreaterThanOrEqual(2)
      // The tailing reader saw the same sequence a fresh full read sees.
      expect((await readAllEvents(reader)).map((event) => event.id)).toEqual(seenIds)
    }), options.testTimeout)

    it('R5 positions are global: an append to another stream never reuses or goes below a position already handed out', run(async ({ open }) => {
      const first = await open()
      const second = await open()
      const a = await first.append('x', [sampleEvent()], { expectedVersion: 'none' })
      const b = await second.append('y', [sampleEvent()], { expectedVersion: 'none' })
      const c = await first.append('x', [sampleEvent()], { expectedVersion: 1 })
      expect(b.firstPosition > a.lastPosition).toBe(true)
      expect(c.firstPosition > b.lastPosition).toBe(true)
    }), options.testTimeout)
  })
}
