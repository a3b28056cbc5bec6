import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { readStreamEvents, sampleEvents } from '../sampleEvents'

export function describeStreamRanges({ run, options }: EventStoreSuite): void {
  describe('R7 readStream ranges', () => {
    it('R7 for all fromVersion and toVersion, readStream yields exactly the versions in [from, to] that exist, in order', run(async ({ open }) => {
      const store = await open()
      const length = 12
      await store.append('s1', sampleEvents(5), { expectedVersion: 'none' })
      await store.append('other', sampleEvents(3), { expectedVersion: 'none' })
      await store.append('s1', sampleEvents(length - 5), { expectedVersion: 5 })
      const whole = await readStreamEvents(store, 's1')
      expect(whole.map((event) => event.version)).toEqual([...Array(length).keys()].map((index) => index + 1))
      await fc.assert(
        fc.asyncProperty(
          fc.option(fc.integer({ min: 0, max: length + 2 }), { nil: undefined }),
          fc.option(fc.integer({ min: 0, max: length + 2 }), { nil: undefined }),
          async (fromVersion, toVersion) => {
            const range = { ...(fromVersion === undefined ? {} : { fromVersion }), ...(toVersion === undefined ? {} : { toVersion }) }
            const expected = whole.filter((event) => event.version >= (fromVersion ?? 1) && event.version <= (toVersion ?? length))
            expect(await readStreamEvents(store, 's1', range)).toEqual(expected)
          },
        ),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R7 readStream gives each event with its stream, version and the same position readAll gives', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', sampleEvents(3), { expectedVersion: 'none' })
      await store.append('s2', sampleEvents(2), { expectedVersion: 'none' })
      const fromStream = await readStreamEvents(store, 's2')
      const fromAll = (await readStreamEvents(store, 's1')).concat(fromStream)
      expect(fromStream.every((event) => event.streamId === 's2')).toBe(true)
      const all = []
      for await (const event of store.readAll()) all.push(event)
      expect(all).toEqual(fromAll)
    }), options.testTimeout)
  })
}
