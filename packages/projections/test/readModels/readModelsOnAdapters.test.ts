import { describe, expect, it } from 'vitest'
import type { EventStore, ReadModelReader, ReadModelStore } from '@kerjasama/core'
import { openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { builtInProjections, builtInReader, createProjectionRunner, queryDeadlines, queryPotentials, queryRegister, querySemesterReport, queryTimeline, queryUrusanMatrix, queryWatchlist } from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

type Adapter = { name: string; open: () => Promise<{ events: EventStore; readModels: ReadModelStore; close: () => Promise<void> }> }

const adapters: Adapter[] = [
  { name: 'memory', open: async () => ({ events: openMemoryStore(), readModels: openMemoryReadModelStore(), close: async () => undefined }) },
  {
    name: 'sqlite',
    open: async () => {
      const store = openSqliteStore({ file: ':memory:' })
      return { events: store, readModels: store.readModels, close: () => store.close() }
    },
  },
]
if ((await postgresAvailability()).available) {
  adapters.push({
    name: 'postgres',
    open: async () => {
      const test = createTestSchema()
      const store = await openPostgresStore({ pool: test.pool, schema: test.schema })
      return { events: store, readModels: store.readModels, close: async () => { await store.close(); await test.cleanup() } }
    },
  })
}

const purworejo = { partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah' as const, regionCode: '33.06' }
const now = new Date('2023-06-01T00:00:00Z')

/** Every query of every read model, as one comparable value. */
async function everything(reader: ReadModelReader) {
  return {
    register: (await queryRegister(reader, { limit: 500 })).items,
    matrix: await queryUrusanMatrix(reader, { province: '33' }),
    potentials: await queryPotentials(reader),
    watchlist: await queryWatchlist(reader, { now }),
    deadlines: await queryDeadlines(reader, { now: new Date('2022-01-01T00:00:00Z'), days: 3650 }),
    report: await querySemesterReport(reader, { semester: '2022-1' }),
    timeline: await queryTimeline(reader, { tenant: 'default', agreementId: 'gula-merah' }),
  }
}

describe.each(adapters)('built-in read models on $name', ({ open }) => {
  it('built by the runner in small batches, answer every query exactly as the reference build does', async () => {
    const opened = await open()
    try {
      const history = newHistory('2022-02-22T02:00:00.000Z', opened.events)
      await runLifecycle(history, 'KSDPK', { agreementId: 'gula-merah', potential: 'Gula merah Kebumen', affairs: ['2.17', '3.30'] })
      await runLifecycle(history, 'KSDD-sukarela', { agreementId: 'festival', affairs: ['3.26'], partners: [purworejo] }, { stopBefore: 'sign KB' })
      await runLifecycle(history, 'KSDPK', { agreementId: 'toko-daring', affairs: ['2.17'] }, { stopBefore: 'complete action' })
      const runner = createProjectionRunner({ eventStore: opened.events, readModels: opened.readModels, projections: [...builtInProjections], batchSize: 7 })
      await runner.catchUp()
      const reference = await everything(await buildReadModels(opened.events, builtInProjections))
      expect(await everything(builtInReader(opened.readModels))).toEqual(reference)
      expect(reference.register).toHaveLength(3)
    } finally {
      await opened.close()
    }
  })
})
