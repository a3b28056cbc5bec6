import { describe, expect, it } from 'vitest'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import type { StoredEvent } from '@kerjasama/core'
import { collect, readAllEvents, readStreamEvents, sampleEvent, sampleEvents, unique } from '../sampleEvents'
import { MAX_IDLE_PASSES, letReaderRun, pause } from '../tailing'

const KEBUMEN = '33.05'
const BANYUMAS = '33.02'
const SEMARANG_KOTA = '33.74'
const PROVINSI = '33'

export function describeTenancy({ run, options }: EventStoreSuite): void {
  describe('R12 tenancy', () => {
    it('R12 one stream id in two tenants is two streams; neither store reads or changes the other\'s', run(async ({ open }) => {
      const kebumen = await open({ tenant: KEBUMEN })
      const banyumas = await open({ tenant: BANYUMAS })
      await kebumen.append('ks-001', sampleEvents(3, 'kebumen'), { expectedVersion: 'none' })
      const result = await banyumas.append('ks-001', sampleEvents(1, 'banyumas'), { expectedVersion: 'none' })
      expect(result.nextExpectedVersion).toBe(1)
      const kebumenEvents = await readStreamEvents(kebumen, 'ks-001')
      expect(kebumenEvents.map((event) => [event.tenant, event.version, (event.data as { label: string }).label])).toEqual([
        [KEBUMEN, 1, 'kebumen'],
        [KEBUMEN, 2, 'kebumen'],
        [KEBUMEN, 3, 'kebumen'],
      ])
      expect((await readStreamEvents(banyumas, 'ks-001')).map((event) => event.tenant)).toEqual([BANYUMAS])
      expect((await readAllEvents(kebumen)).every((event) => event.tenant === KEBUMEN)).toBe(true)
      expect(await readAllEvents(banyumas)).toHaveLength(1)
    }), options.testTimeout)

    it('R12 reading another tenant\'s stream without a grant is TENANT_NOT_GRANTED', run(async ({ open }) => {
      const kebumen = await open({ tenant: KEBUMEN })
      const banyumas = await open({ tenant: BANYUMAS })
      await banyumas.append('ks-002', sampleEvents(1), { expectedVersion: 'none' })
      await expectCoded(() => collect(kebumen.readStream('ks-002', { tenant: BANYUMAS })), 'TENANT_NOT_GRANTED')
      expect(await readStreamEvents(kebumen, 'ks-002')).toEqual([])
    }), options.testTimeout)

    it('R12 a reader granted several tenants sees exactly those in readAll, readStream and verify, and writes only to its own', run(async ({ open, tamper }) => {
      const kebumen = await open({ tenant: KEBUMEN })
      const banyumas = await open({ tenant: BANYUMAS })
      const semarang = await open({ tenant: SEMARANG_KOTA })
      await kebumen.append('ks', sampleEvents(2, 'kebumen'), { expectedVersion: 'none' })
      await semarang.append('ks', sampleEvents(2, 'semarang'), { expectedVersion: 'none' })
      await banyumas.append('ks', sampleEvents(2, 'banyumas'), { expectedVersion: 'none' })
      const province = await open({ tenant: PROVINSI, readTenants: [KEBUMEN, BANYUMAS] })
      await province.append('ks', [sampleEvent({ label: 'provinsi' })], { expectedVersion: 'none' })

      const tenantsSeen = (await readAllEvents(province)).map((event) => event.tenant)
      expect(tenantsSeen.filter((tenant) => tenant === KEBUMEN)).toHaveLength(2)
      expect(tenantsSeen.filter((tenant) => tenant === BANYUMAS)).toHaveLength(2)
      expect(tenantsSeen.filter((tenant) => tenant === PROVINSI)).toHaveLength(1)
      expect(tenantsSeen).toHaveLength(5)
      expect((await readStreamEvents(province, 'ks', { tenant: BANYUMAS })).map((event) => (event.data as { label: string }).label)).toEqual(['banyumas', 'banyumas'])
      expect((await readStreamEvents(province, 'ks')).map((event) => event.tenant)).toEqual([PROVINSI])
      await expectCoded(() => collect(province.readStream('ks', { tenant: SEMARANG_KOTA })), 'TENANT_NOT_GRANTED')
      // The province's own append went to its own tenant and left the granted ones alone.
      expect(await readStreamEvents(kebumen, 'ks')).toHaveLength(2)

      expect((await province.verify()).eventsChecked).toBe(5)
      await tamper({ tenant: SEMARANG_KOTA, streamId: 'ks', version: 1 })
      expect((await province.verify()).ok).toBe(true)
      expect((await kebumen.verify()).ok).toBe(true)
      await tamper({ tenant: BANYUMAS, streamId: 'ks', version: 2 })
      expect((await province.verify()).problems).toContainEqual({ tenant: BANYUMAS, streamId: 'ks', version: 2, problem: 'hash-mismatch' })
    }), options.testTimeout)

    it('R12 a province reader tailing readAll while regions write concurrently sees exactly the granted tenants\' events, each once, in order', run(async ({ open }) => {
      const tenants = [KEBUMEN, BANYUMAS, SEMARANG_KOTA]
      const writers = await Promise.all(Array.from({ length: Math.max(options.concurrentWriters, 3) }, (_, index) => open({ tenant: tenants[index % 3] as string })))
      const province = await open({ tenant: PROVINSI, readTenants: [KEBUMEN, BANYUMAS] })
      const appendsPerWriter = Math.max(2, Math.floor(options.eventsPerWriter / 3))
      const granted = new Set<string>()
      let writing = true
      const tail = (async () => {
        const seen: StoredEvent[] = []
        let idlePasses = 0
        for (;;) {
          const writersDone = !writing
          const before = seen.length
          for await (const event of province.readAll({ fromPosition: (seen.at(-1)?.position ?? 0n) + 1n, batchSize: 5 })) seen.push(event)
          if (writersDone && seen.length >= granted.size) return seen
          if (writersDone && seen.length === before && (idlePasses += 1) > MAX_IDLE_PASSES) return seen
          await pause(!writersDone)
        }
      })()
      await Promise.all(writers.map(async (writer, w) => {
        for (let index = 0; index < appendsPerWriter; index += 1) {
          const id = unique(`t${w}`)
          await writer.append(`ks-${w}`, [sampleEvent({ w, index }, { id })], { expectedVersion: index })
          if (tenants[w % 3] !== SEMARANG_KOTA) granted.add(id)
          await letReaderRun()
        }
      }))
      writing = false
      const seen = await tail
      expect(seen.map((event) => event.tenant).filter((tenant) => tenant !== KEBUMEN && tenant !== BANYUMAS)).toEqual([])
      expect(seen.map((event) => event.id).sort()).toEqual([...granted].sort())
      expect(seen.every((event, index) => index === 0 || event.position > (seen[index - 1] as StoredEvent).position)).toBe(true)
    }), options.testTimeout)

    it('R12 idempotency keys are per tenant: the same key in two tenants writes in both', run(async ({ open }) => {
      const kebumen = await open({ tenant: KEBUMEN })
      const banyumas = await open({ tenant: BANYUMAS })
      const a = await kebumen.append('s', sampleEvents(1), { expectedVersion: 'any', idempotencyKey: 'cmd-1' })
      const b = await banyumas.append('s', sampleEvents(1), { expectedVersion: 'any', idempotencyKey: 'cmd-1' })
      expect([a.duplicate, b.duplicate]).toEqual([false, false])
      expect(b.firstPosition).not.toBe(a.firstPosition)
    }), options.testTimeout)

    it('R12 a store opened without a tenant uses the tenant "default" and sees no regional tenant', run(async ({ open }) => {
      const plain = await open()
      const kebumen = await open({ tenant: KEBUMEN })
      await kebumen.append('s', sampleEvents(1), { expectedVersion: 'none' })
      await plain.append('s', sampleEvents(1), { expectedVersion: 'none' })
      expect((await readAllEvents(plain)).map((event) => event.tenant)).toEqual(['default'])
    }), options.testTimeout)

    it('R12 a malformed tenant scope is refused with STORE_INPUT_INVALID', run(async ({ open }) => {
      for (const scope of [{ tenant: '' }, { tenant: 33 }, { tenant: 'a\nb' }, { readTenants: 'x' }, { readTenants: [''] }]) {
        await expectCoded(async () => {
          const store = await open(scope as never)
          // Some adapters connect lazily and may only check on first use.
          await store.append('s', sampleEvents(1), { expectedVersion: 'any' })
        }, 'STORE_INPUT_INVALID')
      }
      const check = await open()
      expect(await readAllEvents(check)).toEqual([])
    }), options.testTimeout)
  })
}
