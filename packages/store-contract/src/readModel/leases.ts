import { describe, expect, it } from 'vitest'
import type { ReadModelSuite } from '../harness'
import { expectCoded } from '../expectCoded'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function describeLeases({ run, options }: ReadModelSuite): void {
  describe('R16 one holder per lease', () => {
    it('R16 a lease is exclusive while live: another holder is refused, the holder renews it, and the renewal extends it', run(async ({ open }) => {
      const a = await open()
      const b = await open()
      expect(await a.leaseOf('projection:register')).toBeUndefined()
      expect(await a.acquireLease('projection:register', 'instance-a', 60_000)).toBe(true)
      expect(await b.acquireLease('projection:register', 'instance-b', 60_000)).toBe(false)
      const first = await b.leaseOf('projection:register')
      expect(first?.holder).toBe('instance-a')
      expect(first?.expiresAt).toBeInstanceOf(Date)
      await pause(20)
      expect(await a.acquireLease('projection:register', 'instance-a', 60_000)).toBe(true)
      const renewed = await b.leaseOf('projection:register')
      expect(renewed?.holder).toBe('instance-a')
      expect(renewed?.expiresAt.getTime()).toBeGreaterThan(first?.expiresAt.getTime() as number)
      expect(await b.acquireLease('projection:register', 'instance-b', 60_000)).toBe(false)
      expect(await b.acquireLease('projection:matrix', 'instance-b', 60_000)).toBe(true)
    }), options.testTimeout)

    it('R16 an expired lease goes to the next holder, and the old holder no longer has it', run(async ({ open }) => {
      const a = await open()
      const b = await open()
      expect(await a.acquireLease('projection:register', 'instance-a', 150)).toBe(true)
      expect(await b.acquireLease('projection:register', 'instance-b', 60_000)).toBe(false)
      await pause(400)
      expect(await a.leaseOf('projection:register')).toBeUndefined()
      expect(await b.acquireLease('projection:register', 'instance-b', 60_000)).toBe(true)
      expect((await a.leaseOf('projection:register'))?.holder).toBe('instance-b')
      expect(await a.acquireLease('projection:register', 'instance-a', 60_000)).toBe(false)
      expect(await a.releaseLease('projection:register', 'instance-a')).toBe(false)
      expect((await a.leaseOf('projection:register'))?.holder).toBe('instance-b')
    }), options.testTimeout)

    it('R16 release frees the lease at once; releasing a lease one does not hold changes nothing', run(async ({ open }) => {
      const a = await open()
      const b = await open()
      expect(await a.acquireLease('projection:register', 'instance-a', 60_000)).toBe(true)
      expect(await b.releaseLease('projection:register', 'instance-b')).toBe(false)
      expect((await b.leaseOf('projection:register'))?.holder).toBe('instance-a')
      expect(await a.releaseLease('projection:register', 'instance-a')).toBe(true)
      expect(await b.leaseOf('projection:register')).toBeUndefined()
      expect(await a.releaseLease('projection:register', 'instance-a')).toBe(false)
      expect(await b.acquireLease('projection:register', 'instance-b', 60_000)).toBe(true)
    }), options.testTimeout)

    it('R16 of stores racing for one free lease, exactly one gets it', run(async ({ open }) => {
      const stores = await Promise.all(Array.from({ length: Math.max(2, Math.min(options.concurrentWriters, 8)) }, () => open()))
      const won = await Promise.all(stores.map((store, index) => store.acquireLease('projection:register', `instance-${index}`, 60_000)))
      expect(won.filter(Boolean)).toHaveLength(1)
      expect((await stores[0]?.leaseOf('projection:register'))?.holder).toBe(`instance-${won.indexOf(true)}`)
    }), options.testTimeout)

    it('R16 leases are per tenant and held by no transaction', run(async ({ open }) => {
      const kebumen = await open({ tenant: '33.05' })
      const banyumas = await open({ tenant: '33.02' })
      const province = await open({ tenant: '33', readTenants: ['33.05'] })
      expect(await kebumen.acquireLease('projection:register', 'instance-a', 60_000)).toBe(true)
      expect(await banyumas.leaseOf('projection:register')).toBeUndefined()
      expect(await banyumas.acquireLease('projection:register', 'instance-b', 60_000)).toBe(true)
      expect(await province.acquireLease('projection:register', 'instance-c', 60_000)).toBe(true)
      expect(await banyumas.releaseLease('projection:register', 'instance-a')).toBe(false)
      // The holder's lease outlives its transactions, and another store of the
      // tenant reads and is refused it while one of them is open.
      const other = await open({ tenant: '33.05' })
      await kebumen.transaction('register', async (tx) => {
        await tx.put('docs', 'a', { n: 1 })
        expect((await other.leaseOf('projection:register'))?.holder).toBe('instance-a')
        expect(await other.acquireLease('projection:register', 'instance-d', 60_000)).toBe(false)
      })
      expect((await other.leaseOf('projection:register'))?.holder).toBe('instance-a')
    }), options.testTimeout)

    it('R16 bad lease names, holders and times are refused with STORE_INPUT_INVALID', run(async ({ open }) => {
      const store = await open()
      for (const [name, holder, ttl] of [['', 'h', 1000], ['n', '', 1000], ['n', 7, 1000], ['n\u0000', 'h', 1000], ['n', 'h', 0], ['n', 'h', 1.5], ['n', 'h', '1000'], ['n', 'h', 24 * 60 * 60 * 1000 + 1]] as const) {
        await expectCoded(() => store.acquireLease(name as never, holder as never, ttl as never), 'STORE_INPUT_INVALID')
      }
      await expectCoded(() => store.releaseLease('n', null as never), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.leaseOf('' as never), 'STORE_INPUT_INVALID')
      expect(await store.leaseOf('n')).toBeUndefined()
    }), options.testTimeout)
  })
}
