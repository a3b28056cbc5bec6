import { describe, expect, it } from 'vitest'
import type { ReadModelSuite } from '../harness'
import { expectCoded } from '../expectCoded'

export function describeReadModelTenancy({ run, options }: ReadModelSuite): void {
  describe('R12 read-model tenancy', () => {
    it('R12 documents and checkpoints of one tenant are invisible to and untouched by another', run(async ({ open }) => {
      const kebumen = await open({ tenant: '33.05' })
      const banyumas = await open({ tenant: '33.02' })
      await kebumen.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-1', { owner: 'kebumen' })
        await tx.setCheckpoint(7n)
      })
      expect(await banyumas.get('agreements', 'ks-1')).toBeUndefined()
      expect(await banyumas.list('agreements')).toEqual([])
      expect(await banyumas.getCheckpoint('register')).toBe(0n)
      await banyumas.transaction('register', async (tx) => {
        expect(await tx.get('agreements', 'ks-1')).toBeUndefined()
        await tx.put('agreements', 'ks-1', { owner: 'banyumas' })
        await tx.delete('agreements', 'other')
        await tx.setCheckpoint(3n)
      })
      expect(await kebumen.get('agreements', 'ks-1')).toEqual({ owner: 'kebumen' })
      expect(await kebumen.getCheckpoint('register')).toBe(7n)
      expect(await banyumas.get('agreements', 'ks-1')).toEqual({ owner: 'banyumas' })
    }), options.testTimeout)

    it("R12 a province store granted regions' events keeps its own read models: it neither sees nor changes theirs", run(async ({ open }) => {
      const kebumen = await open({ tenant: '33.05' })
      const province = await open({ tenant: '33', readTenants: ['33.05'] })
      await kebumen.transaction('register', async (tx) => {
        await tx.put('agreements', 'ks-1', { owner: 'kebumen' })
        await tx.setCheckpoint(4n)
      })
      expect(await province.get('agreements', 'ks-1')).toBeUndefined()
      expect(await province.list('agreements')).toEqual([])
      expect(await province.getCheckpoint('register')).toBe(0n)
      await province.transaction('register', async (tx) => {
        expect(await tx.list('agreements')).toEqual([])
        await tx.put('agreements', 'ks-1', { owner: 'provinsi' })
        await tx.setCheckpoint(9n)
      })
      expect(await province.get('agreements', 'ks-1')).toEqual({ owner: 'provinsi' })
      expect(await kebumen.get('agreements', 'ks-1')).toEqual({ owner: 'kebumen' })
      expect(await kebumen.getCheckpoint('register')).toBe(4n)
    }), options.testTimeout)
  })

  describe('R13 closing a read-model store', () => {
    it('R13 after close every operation is STORE_CLOSED, and close again is harmless', run(async ({ open }) => {
      const store = await open()
      const other = await open()
      await store.transaction('p', async (tx) => tx.put('docs', 'a', { n: 1 }))
      await store.close()
      await store.close()
      await expectCoded(() => store.get('docs', 'a'), 'STORE_CLOSED')
      await expectCoded(() => store.list('docs'), 'STORE_CLOSED')
      await expectCoded(() => store.getCheckpoint('p'), 'STORE_CLOSED')
      await expectCoded(() => store.transaction('p', async () => undefined), 'STORE_CLOSED')
      await expectCoded(() => store.query('docs'), 'STORE_CLOSED')
      await expectCoded(() => store.declareCollections({ docs: { indexed: ['n'] } }), 'STORE_CLOSED')
      await expectCoded(() => store.acquireLease('p', 'h', 1000), 'STORE_CLOSED')
      await expectCoded(() => store.releaseLease('p', 'h'), 'STORE_CLOSED')
      await expectCoded(() => store.leaseOf('p'), 'STORE_CLOSED')
      expect(await other.get('docs', 'a')).toEqual({ n: 1 })
    }), options.testTimeout)
  })
}
