import { describe, expect, it } from 'vitest'
import type { EventStoreSuite as EventSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { MAX_IDLE_PASSES, letReaderRun, pause } from '../tailing'
import { readAllEvents, readStreamEvents, sampleEvent, sampleEvents, unique } from '../sampleEvents'

export function describeAtomicAppend({ run, options }: EventSuite): void {
  describe('R1 append is atomic', () => {
    it('R1 a batch whose third event is invalid writes none of it', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', sampleEvents(2, 'before'), { expectedVersion: 'none' })
      const batch = [sampleEvent({ a: 1 }), sampleEvent({ b: 2 }), sampleEvent({ bad: 10n }), sampleEvent({ d: 4 })]
      await expectCoded(() => store.append('s1', batch, { expectedVersion: 2 }), 'STORE_INPUT_INVALID')
      expect((await readStreamEvents(store, 's1')).map((event) => event.version)).toEqual([1, 2])
      expect(await readAllEvents(store)).toHaveLength(2)
    }), options.testTimeout)

    it('R1 an append that fails midway (its third event reuses a stored event id) writes none of it', run(async ({ open }) => {
      const store = await open()
      const takenId = unique('taken')
      await store.append('s1', [sampleEvent({ first: true }, { id: takenId })], { expectedVersion: 'none' })
      const batch = [sampleEvent({ a: 1 }, { id: unique('a') }), sampleEvent({ b: 2 }, { id: unique('b') }), sampleEvent({ c: 3 }, { id: takenId })]
      await expectCoded(() => store.append('s2', batch, { expectedVersion: 'none' }), 'STORE_INPUT_INVALID')
      expect(await readStreamEvents(store, 's2')).toEqual([])
      expect(await readAllEvents(store)).toHaveLength(1)
      const retry = await store.append('s2', sampleEvents(2), { expectedVersion: 'none' })
      expect(retry.nextExpectedVersion).toBe(2)
    }), options.testTimeout)

    it('R1 a batch repeating an event id within itself writes none of it', run(async ({ open }) => {
      const store = await open()
      const id = unique('twice')
      await expectCoded(
        () => store.append('s1', [sampleEvent({ a: 1 }, { id }), sampleEvent({ b: 2 }), sampleEvent({ c: 3 }, { id })], { expectedVersion: 'none' }),
        'STORE_INPUT_INVALID',
      )
      expect(await readAllEvents(store)).toEqual([])
    }), options.testTimeout)

    it('R1 a large batch is stored whole, in order, under one append', run(async ({ open }) => {
      const store = await open()
      const result = await store.append('big', sampleEvents(300, 'big'), { expectedVersion: 'none' })
      const events = await readStreamEvents(store, 'big')
      expect(events.map((event) => (event.data as { index: number }).index)).toEqual([...Array(300).keys()])
      expect(result.nextExpectedVersion).toBe(300)
      expect(result.firstPosition).toBe(events[0]?.position)
      expect(result.lastPosition).toBe(events.at(-1)?.position)
    }), options.testTimeout)

    it('R1 a reader tailing readAll while batches commit concurrently only ever sees whole batches', run(async ({ open }) => {
      const writers = await Promise.all(Array.from({ length: options.concurrentWriters }, () => open()))
      const reader = await open()
      const batchSize = 5
      const appendsPerWriter = 4
      const total = options.concurrentWriters * appendsPerWriter
      let idlePassesAfterWriters = 0
      let writing = true
      let passesMidway = 0
      const partials: string[] = []
      const readerLoop = (async () => {
        for (;;) {
          const stillWriting = writing
          const perAppend = new Map<string, number>()
          for await (const event of reader.readAll({ batchSize: 3 })) {
            const key = String((event.data as { append: string }).append)
            perAppend.set(key, (perAppend.get(key) ?? 0) + 1)
          }
          for (const [key, count] of perAppend) if (count !== batchSize) partials.push(`${key}: ${count}`)
          if (stillWriting && perAppend.size > 0 && perAppend.size < total) passesMidway += 1
          if (!stillWriting && (perAppend.size === total || (idlePassesAfterWriters += 1) > MAX_IDLE_PASSES)) return perAppend.size
          await pause(stillWriting)
        }
      })()
      await Promise.all(writers.map(async (writer, w) => {
        for (let a = 0; a < appendsPerWriter; a += 1) {
          const append = `w${w}-a${a}`
          const batch = Array.from({ length: batchSize }, (_, index) => sampleEvent({ append, index }))
          await writer.append(`writer-${w}`, batch, { expectedVersion: a * batchSize })
          await letReaderRun()
        }
      }))
      writing = false
      const appendsSeen = await readerLoop
      expect(partials).toEqual([])
      expect(appendsSeen).toBe(total)
      // Guards against a vacuous pass: some reads really happened while appends were landing.
      expect(passesMidway).toBeGreaterThanOrEqual(1)
    }), options.testTimeout)
  })
}
