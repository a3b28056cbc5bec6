import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReadModelSuite } from '../harness'
import { expectCoded, isCodedError } from '../expectCoded'

export function describeCheckpointCompareAndSet({ run, options }: ReadModelSuite): void {
  describe('R15 a checkpoint moves compare-and-set', () => {
    it('R15 a commit from a checkpoint that has moved on is refused with PROJECTION_CONFLICT and writes nothing', run(async ({ open }) => {
      const store = await open()
      await store.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-1', { v: 1 })
        await tx.setCheckpoint(10n, { expected: 0n })
      })
      const refused = await expectCoded(() => store.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-1', { v: 2 })
        await tx.put('agreements', 'ks-2', { v: 2 })
        await tx.setCheckpoint(20n, { expected: 5n })
      }), 'PROJECTION_CONFLICT')
      expect(refused.details).toMatchObject({ projection: 'register' })
      expect(await store.getCheckpoint('register')).toBe(10n)
      expect(await store.list('agreements')).toEqual([{ id: 'ks-1', document: { v: 1 } }])
      await store.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-2', { v: 3 })
        await tx.setCheckpoint(20n, { expected: 10n })
      })
      expect(await store.getCheckpoint('register')).toBe(20n)
      expect(await store.get('agreements', 'ks-2')).toEqual({ v: 3 })
      await expectCoded(() => store.transaction('register', async (tx) => tx.setCheckpoint(30n, { expected: -1n })), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.transaction('register', async (tx) => tx.setCheckpoint(30n, { expected: 20 as never })), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.transaction('register', async (tx) => tx.setCheckpoint(30n, 'from 20' as never)), 'STORE_INPUT_INVALID')
      expect(await store.getCheckpoint('register')).toBe(20n)
    }), options.testTimeout)

    it('R15 of stores on one database racing to commit a batch from the same checkpoint, exactly one wins', run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: Math.max(2, Math.min(options.concurrentWriters, 8)) }, () => open()))
      const [first] = stores
      await first?.transaction('counter', async (tx) => {
        await tx.put('totals', 'applied', { n: 0 })
        await tx.setCheckpoint(4n)
      })
      const outcomes = await Promise.allSettled(stores.map((store, index) => store.transaction('counter', async (tx) => {
        // Each runner read the same batch (positions 5..9) from checkpoint 4 and applies it.
        const current = ((await tx.get('totals', 'applied'))?.n as number | undefined) ?? 0
        await new Promise((resolve) => setImmediate(resolve))
        await tx.put('totals', 'applied', { n: current + 1, by: index })
        await tx.setCheckpoint(9n, { expected: 4n })
      })))
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled')
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
      expect(won).toHaveLength(1)
      expect(lost.every((reason) => isCodedError(reason) && reason.code === 'PROJECTION_CONFLICT')).toBe(true)
      expect(await first?.getCheckpoint('counter')).toBe(9n)
      expect((await first?.get('totals', 'applied'))?.n).toBe(1)
    }), options.testTimeout)

    it('R15 for all sequences of commits stating a checkpoint, exactly those stating the current one commit', run(async ({ open }) => {
      const store = await open()
      let projectionIndex = 0
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ expected: fc.option(fc.bigInt({ min: 0n, max: 3n }), { nil: undefined }), position: fc.bigInt({ min: 0n, max: 3n }) }), { maxLength: 8 }), async (commits) => {
          projectionIndex += 1
          const projection = `p-${projectionIndex}`
          let model = 0n
          for (const [step, commit] of commits.entries()) {
            const attempt = store.transaction(projection, async (tx) => {
              await tx.put('steps', `${projection}-${step}`, { step })
              await tx.setCheckpoint(commit.position, commit.expected === undefined ? undefined : { expected: commit.expected })
            })
            if (commit.expected === undefined || commit.expected === model) {
              await attempt
              model = commit.position
              expect(await store.get('steps', `${projection}-${step}`)).toEqual({ step })
            } else {
              await expectCoded(() => attempt, 'PROJECTION_CONFLICT')
              expect(await store.get('steps', `${projection}-${step}`)).toBeUndefined()
            }
            expect(await store.getCheckpoint(projection)).toBe(model)
          }
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)
  })
}
