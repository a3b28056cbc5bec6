import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { collect, readAllEvents, sampleEvents } from '../sampleEvents'

export function describeLifecycle({ run, options }: EventStoreSuite): void {
  describe('R13 closing', () => {
    it('R13 after close every operation is STORE_CLOSED, and close again is harmless', run(async ({ open }) => {
      const store = await open()
      await store.append('s', sampleEvents(1), { expectedVersion: 'none' })
      await store.close()
      await store.close()
      await expectCoded(() => store.append('s', sampleEvents(1), { expectedVersion: 'any' }), 'STORE_CLOSED')
      await expectCoded(() => collect(store.readStream('s')), 'STORE_CLOSED')
      await expectCoded(() => collect(store.readAll()), 'STORE_CLOSED')
      await expectCoded(() => store.verify(), 'STORE_CLOSED')
    }), options.testTimeout)

    it('R13 a readAll in progress when the store closes fails with STORE_CLOSED at its next fetch', run(async ({ open }) => {
      const writer = await open()
      await writer.append('s', sampleEvents(4), { expectedVersion: 'none' })
      // readAll with batchSize 1 must go back to the database for every event, so the fetch after close is certain.
      const store = await open()
      const iterator = store.readAll({ batchSize: 1 })[Symbol.asyncIterator]()
      expect((await iterator.next()).done).toBe(false)
      await store.close()
      // Events already fetched in the current batch may still arrive; a fetch after close must not.
      await expectCoded(async () => {
        for (let step = 0; step < 4; step += 1) if ((await iterator.next()).done) return
      }, 'STORE_CLOSED')
    }), options.testTimeout)

    it('R13 closing one store leaves the data and the other stores on the same database working', run(async ({ open }) => {
      const first = await open()
      const second = await open()
      await first.append('s', sampleEvents(2), { expectedVersion: 'none' })
      await first.close()
      await second.append('s', sampleEvents(1), { expectedVersion: 2 })
      expect(await readAllEvents(second)).toHaveLength(3)
      const reopened = await open()
      expect(await readAllEvents(reopened)).toHaveLength(3)
    }), options.testTimeout)
  })
}
