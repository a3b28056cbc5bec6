import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReadModelSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { nestedDeep } from '../eventStore/badInput'
import { viaJson } from '../sampleEvents'

class WorkFailed extends Error {}

// list() promises no order, so comparisons sort by id first.
function byId<T extends { id: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function describeReadModelTransaction({ run, options }: ReadModelSuite): void {
  describe('R8 read-model changes and their checkpoint commit together', () => {
    it('R8 a committed transaction makes its documents and checkpoint visible together', run(async ({ open }) => {
      const store = await open()
      expect(await store.getCheckpoint('register')).toBe(0n)
      const returned = await store.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-1', { title: 'Gula merah Kebumen', partners: ['33.05', 'univ'] })
        await tx.put('agreements', 'ks-2', { title: 'Sampah regional' })
        await tx.setCheckpoint(42n)
        return 'done'
      })
      expect(returned).toBe('done')
      expect(await store.getCheckpoint('register')).toBe(42n)
      expect(await store.get('agreements', 'ks-1')).toEqual({ title: 'Gula merah Kebumen', partners: ['33.05', 'univ'] })
      expect((await store.list('agreements')).map((entry) => entry.id).sort()).toEqual(['ks-1', 'ks-2'])
    }), options.testTimeout)

    it('R8 work that throws midway leaves neither its documents nor its checkpoint, and the caller gets its error', run(async ({ open }) => {
      const store = await open()
      await store.transaction('register', async (tx) => {
        await tx.put('agreements', 'keep', { v: 1 })
        await tx.put('agreements', 'doomed', { v: 1 })
        await tx.setCheckpoint(10n)
      })
      const failure = new WorkFailed('projection bug')
      await expect(
        store.transaction('register', async (tx) => {
          await tx.put('agreements', 'keep', { v: 2 })
          await tx.delete('agreements', 'doomed')
          await tx.put('agreements', 'new', { v: 2 })
          await tx.setCheckpoint(20n)
          throw failure
        }),
      ).rejects.toBe(failure)
      expect(await store.getCheckpoint('register')).toBe(10n)
      expect(await store.list('agreements')).toEqual(expect.arrayContaining([{ id: 'keep', document: { v: 1 } }, { id: 'doomed', document: { v: 1 } }]))
      expect(await store.list('agreements')).toHaveLength(2)
    }), options.testTimeout)

    it('R8 for all sequences of puts and deletes with a failure at any step, nothing of the failed transaction remains', run(async ({ open }) => {
      const store = await open()
      const step = fc.oneof(
        fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom('a', 'b', 'c'), value: fc.integer() }),
        fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c') }),
      )
      let committedPosition = 0n
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 6 }), fc.nat({ max: 6 }), fc.boolean(), async (steps, failAt, fail) => {
          const before = { checkpoint: await store.getCheckpoint('p'), documents: byId(await store.list('docs')) }
          const run = store.transaction('p', async (tx) => {
            for (const [index, change] of steps.entries()) {
              if (fail && index === failAt) throw new WorkFailed('midway')
              if (change.kind === 'put') await tx.put('docs', change.id, { value: change.value })
              else await tx.delete('docs', change.id)
            }
            await tx.setCheckpoint(committedPosition + 1n)
            if (fail) throw new WorkFailed('at the end')
          })
          if (fail) {
            await expect(run).rejects.toBeInstanceOf(WorkFailed)
            expect(await store.getCheckpoint('p')).toBe(before.checkpoint)
            expect(byId(await store.list('docs'))).toEqual(before.documents)
          } else {
            await run
            committedPosition += 1n
            expect(await store.getCheckpoint('p')).toBe(committedPosition)
          }
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R8 inside a transaction, reads see its own uncommitted writes; outside, nothing shows until commit', run(async ({ open }) => {
      const store = await open()
      const other = await open()
      await store.transaction('p', async (tx) => {
        await tx.put('docs', 'a', { n: 1 })
        expect(await tx.get('docs', 'a')).toEqual({ n: 1 })
        expect(await tx.list('docs')).toEqual([{ id: 'a', document: { n: 1 } }])
        expect(await store.get('docs', 'a')).toBeUndefined()
        expect(await other.get('docs', 'a')).toBeUndefined()
        await tx.delete('docs', 'a')
        expect(await tx.get('docs', 'a')).toBeUndefined()
        await tx.put('docs', 'b', { n: 2 })
      })
      expect(await other.get('docs', 'a')).toBeUndefined()
      expect(await other.get('docs', 'b')).toEqual({ n: 2 })
    }), options.testTimeout)

    it('R8 checkpoints are per projection, unchanged when a transaction does not set one, and may be reset for a rebuild', run(async ({ open }) => {
      const store = await open()
      await store.transaction('a', async (tx) => tx.setCheckpoint(5n))
      await store.transaction('b', async (tx) => tx.setCheckpoint(9n))
      await store.transaction('a', async (tx) => tx.put('docs', 'x', { n: 1 }))
      expect([await store.getCheckpoint('a'), await store.getCheckpoint('b')]).toEqual([5n, 9n])
      await store.transaction('a', async (tx) => tx.setCheckpoint(0n))
      expect(await store.getCheckpoint('a')).toBe(0n)
    }), options.testTimeout)

    it('R8 concurrent transactions of one projection on one store do not lose updates', run(async ({ open }) => {
      const store = await open()
      const count = options.concurrentWriters
      await Promise.all(Array.from({ length: count }, (_, index) => store.transaction('counter', async (tx) => {
        const current = ((await tx.get('totals', 'all'))?.n as number | undefined) ?? 0
        await new Promise((resolve) => setImmediate(resolve))
        await tx.put('totals', 'all', { n: current + 1 })
        await tx.setCheckpoint(BigInt(index + 1))
      })))
      expect(await store.get('totals', 'all')).toEqual({ n: count })
    }), options.testTimeout)

    it('R8 for all JSON documents, what is put is what is read back', run(async ({ open }) => {
      const store = await open()
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }), { maxKeys: 5 }), async (document) => {
          await store.transaction('docs', async (tx) => tx.put('any', 'doc', document))
          expect(await store.get('any', 'doc')).toEqual(viaJson(document))
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R8 bad documents, ids and checkpoints are refused with STORE_INPUT_INVALID and the transaction commits nothing', run(async ({ open }) => {
      const store = await open()
      const attempts: Array<(tx: Parameters<Parameters<typeof store.transaction>[1]>[0]) => Promise<void>> = [
        (tx) => tx.put('docs', 'a', { amount: 1n }),
        (tx) => tx.put('docs', 'a', [1, 2] as never),
        (tx) => tx.put('docs', 'a', null as never),
        (tx) => tx.put('docs', 'a', nestedDeep(300)),
        (tx) => tx.put('docs', 'a', nestedDeep(20_000)),
        (tx) => tx.put('', 'a', {}),
        (tx) => tx.put('docs', '', {}),
        (tx) => tx.setCheckpoint(5 as never),
        (tx) => tx.setCheckpoint(-1n),
      ]
      for (const attempt of attempts) {
        await expectCoded(() => store.transaction('p', async (tx) => {
          await tx.put('docs', 'first', { ok: true })
          await attempt(tx)
        }), 'STORE_INPUT_INVALID')
      }
      expect(await store.list('docs')).toEqual([])
      expect(await store.getCheckpoint('p')).toBe(0n)
      // The most nesting allowed is stored as given.
      await store.transaction('p', async (tx) => tx.put('docs', 'deep', nestedDeep(256)))
      expect(await store.get('docs', 'deep')).toEqual(nestedDeep(256))
      await expectCoded(() => store.getCheckpoint(''), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.transaction('', async () => undefined), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.transaction('p', 'not a function' as never), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.get('', 'a'), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.get('docs', 7 as never), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.list(null as never), 'STORE_INPUT_INVALID')
    }), options.testTimeout)
  })
}
