import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, toHashable, verifyChain } from '@kerjasama/core/adapter'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readStreamEvents, sampleEvents } from '../sampleEvents'

export function describeHashChain({ run, options }: EventStoreSuite): void {
  describe('R11 hash chain', () => {
    it('R11 an untouched store verifies, counting every stream and event', run(async ({ open }) => {
      const store = await open()
      await store.append('a', sampleEvents(3), { expectedVersion: 'none' })
      await store.append('b', sampleEvents(2), { expectedVersion: 'none' })
      await store.append('a', sampleEvents(1), { expectedVersion: 3 })
      expect(await store.verify()).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 6, problems: [] })
      expect(await store.verify({ streamId: 'a' })).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 4, problems: [] })
    }), options.testTimeout)

    it('R11 anyone can recompute the chain from what readStream returns (sha256 over the previous hash and the stored JSON)', run(async ({ open }) => {
      const store = await open()
      await store.append('a', sampleEvents(4), { expectedVersion: 'none' })
      await store.append('a', [{ type: 'T', schemaVersion: 1, data: { teks: 'Kebumen 🤝 gula merah', n: [1, { x: null }] }, metadata: sampleEvents(1)[0]!.metadata }], { expectedVersion: 4 })
      const events = await readStreamEvents(store, 'a')
      expect(verifyChain(events.map(toHashable))).toEqual([])
      expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.hash) && event.hash !== GENESIS_HASH)).toBe(true)
    }), options.testTimeout)

    it('R11 an event changed behind the library\'s back is reported by verify with its tenant, stream and version', run(async ({ open, tamper }) => {
      const store = await open({ tenant: '33.05' })
      await store.append('kebumen-gula', sampleEvents(4), { expectedVersion: 'none' })
      await store.append('other', sampleEvents(2), { expectedVersion: 'none' })
      await tamper({ tenant: '33.05', streamId: 'kebumen-gula', version: 2 })
      const report = await store.verify()
      expect(report.ok).toBe(false)
      expect(report.problems).toContainEqual({ tenant: '33.05', streamId: 'kebumen-gula', version: 2, problem: 'hash-mismatch' })
      expect(report.problems.every((problem) => problem.streamId === 'kebumen-gula')).toBe(true)
      expect(report.eventsChecked).toBe(6)
      expect((await store.verify({ streamId: 'other' })).ok).toBe(true)
      const one = await store.verify({ streamId: 'kebumen-gula' })
      expect(one.ok).toBe(false)
      expect(one.problems).toContainEqual({ tenant: '33.05', streamId: 'kebumen-gula', version: 2, problem: 'hash-mismatch' })
    }), options.testTimeout)

    it('R11 tampering with the first or the last event of a stream is reported too, whatever the stream id', run(async ({ open, tamper }) => {
      const store = await open()
      const streamId = "'; DROP TABLE x; -- 🤝"
      await store.append(streamId, sampleEvents(3), { expectedVersion: 'none' })
      await tamper({ tenant: 'default', streamId, version: 1 })
      await tamper({ tenant: 'default', streamId, version: 3 })
      const problems = (await store.verify()).problems.filter((problem) => problem.problem === 'hash-mismatch')
      expect(problems.map((problem) => problem.version)).toEqual(expect.arrayContaining([1, 3]))
      expect(problems.every((problem) => problem.streamId === streamId && problem.tenant === 'default')).toBe(true)
    }), options.testTimeout)

    it('R11 verify refuses malformed options or a malformed stream id with STORE_INPUT_INVALID', run(async ({ open }) => {
      const store = await open()
      await expectCoded(() => store.verify(null as never), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.verify('all' as never), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.verify({ streamId: '' }), 'STORE_INPUT_INVALID')
      await expectCoded(() => store.verify({ streamId: 7 as never }), 'STORE_INPUT_INVALID')
    }), options.testTimeout)
  })
}
