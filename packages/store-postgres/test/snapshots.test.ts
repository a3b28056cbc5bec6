import { AGREEMENT_REDUCER_VERSION, createAgreementService } from '@kerjasama/core'
import type { Snapshot } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { expectCoded } from '@kerjasama/store-contract'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()
const snapshot: Snapshot = { version: 2, reducerVersion: 1, eventHash: 'a'.repeat(64), stateDigest: 'b'.repeat(64), state: { status: 'mapped', catatan: 'teks \u0000 kontrol' } }

describe.skipIf(!postgres.available)('PostgreSQL snapshots', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('a read-only open loads snapshots and refuses to save one with STORE_READ_ONLY', async () => {
    const writer = await stores.open({ tenant: '33.05', notify: false })
    await writer.snapshots.save('agreement-ks-ro', snapshot)
    const reader = await stores.open({ tenant: '33.05', readOnly: true })
    expect(await reader.snapshots.loadLatest('agreement-ks-ro', { reducerVersion: 1 })).toEqual(snapshot)
    await expectCoded(() => reader.snapshots.save('agreement-ks-ro', { ...snapshot, version: 3 }), 'STORE_READ_ONLY')
    expect(await writer.snapshots.loadLatest('agreement-ks-ro', { reducerVersion: 1 })).toEqual(snapshot)
  })

  it('the agreement service takes snapshots as it appends and folds only the tail from them', async () => {
    const store = await stores.open({ tenant: '33.05', notify: false })
    const clock = testClock('2022-02-22T02:00:00.000Z')
    const service = createAgreementService({ store, clock, snapshots: { store: store.snapshots, every: 3 } })
    const plain = createAgreementService({ store, clock })
    for (const step of agreementLifecycle('KSDPK', { agreementId: 'ks-pg' })) {
      clock.set(new Date(Date.parse('2022-02-22T02:00:00.000Z') + step.day * 86_400_000))
      await service.execute(step.command, { actor: step.actor })
    }
    const length = (await plain.history('ks-pg')).length
    const saved = await store.snapshots.loadLatest('agreement-ks-pg', { reducerVersion: AGREEMENT_REDUCER_VERSION })
    expect(saved?.version).toBe(Math.floor(length / 3) * 3)
    expect(await service.load('ks-pg')).toStrictEqual(await plain.load('ks-pg'))
  })
})
