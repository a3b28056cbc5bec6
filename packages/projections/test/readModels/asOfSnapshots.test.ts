import { describe, expect, it } from 'vitest'
import { AGREEMENT_REDUCER_VERSION, createAgreementService, fold, parseAgreementEvent } from '@kerjasama/core'
import type { EventStore } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { agreementAsOf, queryRegister, registerAsOf, watchlistAsOf } from '../../src'
import { runLifecycle } from '../support/lifecycleHistory'

describe('as of a date, with snapshots on', () => {
  it('reads the events up to the date and never a snapshot: a store whose snapshots throw when touched gives the states the events give', async () => {
    const store = openSqliteStore({ file: ':memory:' })
    try {
      const clock = testClock('2022-02-22T02:00:00.000Z')
      // A snapshot after every event, so the newest (evaluated) lies past every date below.
      const service = createAgreementService({ store, clock, snapshots: { store: store.snapshots, every: 1 } })
      await runLifecycle({ store, clock, service }, 'KSDPK', { agreementId: 'gula-merah' })
      const newest = await store.snapshots.loadLatest('agreement-gula-merah', { reducerVersion: AGREEMENT_REDUCER_VERSION })
      expect(newest?.state.status).toBe('evaluated')

      const untouchable = new Proxy(store, {
        get(target, property, receiver) {
          if (property === 'snapshots') throw new Error('an as-of read reached for the snapshots')
          return Reflect.get(target, property, receiver) as unknown
        },
      }) as EventStore
      const history = await service.history('gula-merah')
      for (const date of ['2022-03-01', '2022-04-22', '2022-04-23', '2030-01-01']) {
        const recorded = history.filter((event) => event.metadata.recordedAt.slice(0, 10) <= date)
        const expected = fold(recorded.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data)))
        expect(await agreementAsOf(untouchable, 'gula-merah', { date })).toStrictEqual(expected)
      }
      expect((await agreementAsOf(untouchable, 'gula-merah', { date: '2022-03-01' })).status).toBe('mapped')
      expect((await queryRegister(await registerAsOf(untouchable, { date: '2022-04-22' }))).items.map((entry) => entry.stage)).toEqual(['coordinated'])
      expect(await watchlistAsOf(untouchable, { date: '2022-04-22' })).toEqual(await watchlistAsOf(store, { date: '2022-04-22' }))
    } finally {
      await store.close()
    }
  })
})
