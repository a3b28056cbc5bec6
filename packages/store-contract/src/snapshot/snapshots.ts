import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Snapshot, SnapshotStore } from '@kerjasama/core'
import type { SnapshotSuite } from '../harness'
import { expectCoded } from '../expectCoded'

/** A sha256-shaped hex string derived from `seed`, so each snapshot's hashes differ. */
function hex(seed: number): string {
  return seed.toString(16).padStart(64, '0')
}

function snapshot(version: number, overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    version,
    reducerVersion: 1,
    eventHash: hex(version),
    stateDigest: hex(version + 1_000_000),
    state: { status: 'signed', version, object: 'Pengembangan sentra gula merah 🍬', partners: [{ partnerId: '33.06', name: 'Kabupaten Purworejo' }], term: { number: 1, monev: [] } },
    ...overrides,
  }
}

export function describeSnapshots({ run, options }: SnapshotSuite): void {
  describe('R18 snapshots round-trip and the newest wins', () => {
    it('R18 a saved snapshot loads back exactly, through another store on the database too; a stream without one loads undefined', run(async ({ open }) => {
      const store = await open({ tenant: '33.05' })
      const other = await open({ tenant: '33.05' })
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toBeUndefined()
      const saved = snapshot(12, {
        state: { judul: 'Kerja sama pengelolaan sampah antardaerah', catatan: 'TKKSD: “layak” — lanjut\u0000\n', angka: [0, -1.5, 1e21, 2 ** 53], kosong: {}, '': null, dalam: { a: { b: { c: [true, false] } } } },
      })
      await store.save('agreement-ks-1', saved)
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(saved)
      expect(await other.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(saved)
      expect(await other.loadLatest('agreement-ks-2', { reducerVersion: 1 })).toBeUndefined()
    }), options.testTimeout)

    it('R18 loadLatest gives the snapshot saved last, whatever its version: a save replaces the one before, also at the same version', run(async ({ open }) => {
      const store = await open()
      await store.save('agreement-ks-1', snapshot(100))
      await store.save('agreement-ks-1', snapshot(300))
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot(300))
      // A snapshot claiming a version the stream never reached must not shadow every later one.
      await store.save('agreement-ks-1', snapshot(200))
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot(200))
      const again = snapshot(200, { eventHash: hex(7), state: { status: 'evaluated' } })
      await store.save('agreement-ks-1', again)
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(again)
      await store.save('agreement-ks-2', snapshot(1))
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(again)
    }), options.testTimeout)

    it('R18 what loadLatest returns is a copy: changing it, or the object that was saved, changes nothing stored', run(async ({ open }) => {
      const store = await open()
      const saved = snapshot(5)
      await store.save('agreement-ks-1', saved)
      ;(saved.state as { status: string }).status = 'ended'
      const loaded = (await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })) as Snapshot
      expect(loaded).toEqual(snapshot(5))
      ;(loaded.state as { partners: unknown[] }).partners.push('changed')
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot(5))
    }), options.testTimeout)

    it('R18 for all sequences of saves, loadLatest gives the snapshot saved last for each stream and reducer version', run(async ({ open }) => {
      const store = await open()
      let round = 0
      const save = fc.record({ stream: fc.constantFrom('a', 'b'), reducerVersion: fc.integer({ min: 1, max: 3 }), version: fc.integer({ min: 1, max: 40 }), marker: fc.nat() })
      await fc.assert(
        fc.asyncProperty(fc.array(save, { maxLength: 25 }), async (saves) => {
          round += 1
          const model = new Map<string, Snapshot>()
          for (const step of saves) {
            const saved = snapshot(step.version, { reducerVersion: step.reducerVersion, stateDigest: hex(step.marker), state: { marker: step.marker } })
            await store.save(`agreement-${round}-${step.stream}`, saved)
            model.set(`${step.stream}/${step.reducerVersion}`, saved)
          }
          for (const stream of ['a', 'b']) {
            for (const reducerVersion of [1, 2, 3]) {
              expect(await store.loadLatest(`agreement-${round}-${stream}`, { reducerVersion })).toEqual(model.get(`${stream}/${reducerVersion}`))
            }
          }
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)
  })

  describe('R19 a snapshot is found only under its reducer version', () => {
    it('R19 a snapshot is found only under the reducer version it was saved with, and a save replaces only the snapshot of its own reducer version', run(async ({ open }) => {
      const store = await open()
      const older = snapshot(400, { reducerVersion: 1, state: { folded: 'by reducer 1' } })
      const newer = snapshot(150, { reducerVersion: 2, state: { folded: 'by reducer 2' } })
      await store.save('agreement-ks-1', older)
      await store.save('agreement-ks-1', newer)
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(older)
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 2 })).toEqual(newer)
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 3 })).toBeUndefined()
      // A save of one reducer version leaves the other's in place (two library versions during an upgrade).
      await store.save('agreement-ks-1', snapshot(500, { reducerVersion: 2 }))
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 2 })).toEqual(snapshot(500, { reducerVersion: 2 }))
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(older)
    }), options.testTimeout)
  })

  describe('R20 snapshots are per tenant', () => {
    it("R20 one stream id in two tenants holds two snapshots, and a province store granted a region's events sees none of its snapshots", run(async ({ open }) => {
      const kebumen = await open({ tenant: '33.05' })
      const banyumas = await open({ tenant: '33.02' })
      const province = await open({ tenant: '33', readTenants: ['33.05'] })
      expect(kebumen.tenant).toBe('33.05')
      await kebumen.save('agreement-ks-1', snapshot(9, { state: { owner: 'kebumen' } }))
      expect(await banyumas.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toBeUndefined()
      expect(await province.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toBeUndefined()
      await banyumas.save('agreement-ks-1', snapshot(3, { state: { owner: 'banyumas' } }))
      await province.save('agreement-ks-1', snapshot(20, { state: { owner: 'provinsi' } }))
      expect((await kebumen.loadLatest('agreement-ks-1', { reducerVersion: 1 }))?.state).toEqual({ owner: 'kebumen' })
      expect((await banyumas.loadLatest('agreement-ks-1', { reducerVersion: 1 }))?.state).toEqual({ owner: 'banyumas' })
      expect((await province.loadLatest('agreement-ks-1', { reducerVersion: 1 }))?.state).toEqual({ owner: 'provinsi' })
    }), options.testTimeout)
  })

  describe('R21 bad snapshot input is refused', () => {
    it('R21 malformed snapshots, stream ids and load options are refused with STORE_INPUT_INVALID and store nothing', run(async ({ open }) => {
      const store = await open()
      const good = snapshot(4)
      const bad: unknown[] = [
        undefined,
        null,
        [good],
        { ...good, version: 0 },
        { ...good, version: 1.5 },
        { ...good, version: '4' },
        { ...good, version: 2 ** 31 },
        { ...good, reducerVersion: 0 },
        { ...good, eventHash: 'abc' },
        { ...good, eventHash: 'A'.repeat(64) },
        { ...good, stateDigest: undefined },
        { ...good, state: [] },
        { ...good, state: 'signed' },
        { ...good, state: { count: 10n } },
        { ...good, state: { at: new Date() } },
        { ...good, state: { text: '\ud800' } },
        { ...good, statee: {} },
      ]
      for (const candidate of bad) await expectCoded(() => store.save('agreement-ks-1', candidate as Snapshot), 'STORE_INPUT_INVALID')
      for (const streamId of ['', 'a\u0000b', 'x'.repeat(201), 7]) await expectCoded(() => store.save(streamId as string, good), 'STORE_INPUT_INVALID')
      for (const loadOptions of [undefined, {}, { reducerVersion: 0 }, { reducerVersion: '1' }, { reducerVersion: 1, maxVersion: 3 }]) {
        await expectCoded(() => store.loadLatest('agreement-ks-1', loadOptions as never), 'STORE_INPUT_INVALID')
      }
      await expectCoded(() => store.loadLatest('', { reducerVersion: 1 }), 'STORE_INPUT_INVALID')
      expect(await store.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toBeUndefined()
      // Stream ids that merely look dangerous are ids like any other.
      await store.save("agreement-'; DROP TABLE snapshots; --", good)
      expect(await store.loadLatest("agreement-'; DROP TABLE snapshots; --", { reducerVersion: 1 })).toEqual(good)
    }), options.testTimeout)
  })

  describe('R13 closing a snapshot store', () => {
    it('R13 after close every snapshot operation is STORE_CLOSED, and close again is harmless', run(async ({ open }) => {
      const store: SnapshotStore = await open()
      const other = await open()
      await store.save('agreement-ks-1', snapshot(2))
      await store.close()
      await store.close()
      await expectCoded(() => store.save('agreement-ks-1', snapshot(3)), 'STORE_CLOSED')
      await expectCoded(() => store.loadLatest('agreement-ks-1', { reducerVersion: 1 }), 'STORE_CLOSED')
      expect(await other.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot(2))
    }), options.testTimeout)
  })
}
