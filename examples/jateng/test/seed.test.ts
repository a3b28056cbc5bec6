import { describe, expect, it } from 'vitest'
import type { EventStore } from '@kerjasama/core'
import { openMemoryStore } from '@kerjasama/store-memory'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { createSeedService, runSeedScenario } from '../src'
import type { SeedReport } from '../src'

type StoreCase = { name: string; open: () => Promise<EventStore> }

const stores: StoreCase[] = [
  { name: 'memory', open: async () => openMemoryStore() },
  { name: 'sqlite', open: async () => openSqliteStore({ file: ':memory:' }) },
]

// Without a reachable server postgresAvailability prints one line saying why
// these runs are skipped (and fails instead when CI is set).
if ((await postgresAvailability()).available) {
  stores.push({
    name: 'postgres',
    open: async () => {
      const test = createTestSchema()
      const store = await openPostgresStore({ pool: test.pool, schema: test.schema })
      const withCleanup: EventStore = {
        tenant: store.tenant,
        append: (streamId, events, options) => store.append(streamId, events, options),
        readStream: (streamId, options) => store.readStream(streamId, options),
        readAll: (options) => store.readAll(options),
        verify: (options) => store.verify(options),
        close: async () => {
          await store.close()
          await test.cleanup()
        },
      }
      return withCleanup
    },
  })
}

async function runOn(open: () => Promise<EventStore>): Promise<{ report: SeedReport; lines: string[]; verified: boolean }> {
  const store = await open()
  try {
    const lines: string[] = []
    const { service, clock } = createSeedService(store)
    const report = await runSeedScenario(service, (line) => lines.push(line), clock)
    const verification = await store.verify()
    return { report, lines, verified: verification.ok }
  } finally {
    await store.close()
  }
}

const FULL_PATH = ['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated']

describe.each(stores)('the 2022 Central Java seed scenario on $name', ({ open }) => {
  it('takes Kebumen gula merah and Setwan + university all the way, and refuses every ceremonial step', async () => {
    const { report, lines, verified } = await runOn(open)
    const path = (key: string): string[] | undefined => report.agreements.find((agreement) => agreement.key === key)?.path
    const refusals = (key: string) => report.refusals.filter((refusal) => refusal.agreement === key)

    expect(path('kebumen-gula-merah')).toEqual(FULL_PATH)
    expect(path('setwan-universitas')).toEqual(FULL_PATH)

    // An agency head may not sign the KB; the bupati then does.
    expect(refusals('kebumen-gula-merah').map((refusal) => [refusal.commandType, refusal.code])).toEqual([['SignKesepakatanBersama', 'NOT_AUTHORIZED']])
    expect(refusals('setwan-universitas')).toEqual([])

    expect(path('seremonial-festival')).toEqual(['identified', 'mapped', 'coordinated'])
    // Signing with no action due within 90 days.
    expect(refusals('seremonial-festival').map((refusal) => [refusal.commandType, refusal.violations])).toEqual([['SignKesepakatanBersama', ['NO_ACTION_DUE_SOON']]])

    expect(path('seremonial-tanpa-bukti')).toEqual(['identified', 'mapped', 'coordinated', 'signed'])
    expect(refusals('seremonial-tanpa-bukti').map((refusal) => [refusal.commandType, refusal.violations])).toEqual([['CompleteAction', ['IMPLEMENTED_WITHOUT_EVIDENCE']]])

    expect(path('urusan-absolut')).toEqual(['identified'])
    expect(refusals('urusan-absolut').map((refusal) => [refusal.commandType, refusal.code, refusal.violations])).toEqual([['MapAffairs', 'GUARD_VIOLATION', ['ABSOLUTE_AFFAIR']]])

    // Every refusal is explained in both languages.
    for (const refusal of report.refusals) {
      expect(refusal.message.id.length).toBeGreaterThan(0)
      expect(refusal.message.en.length).toBeGreaterThan(0)
    }
    expect(lines.some((line) => line.includes('DITOLAK / REFUSED'))).toBe(true)
    expect(verified).toBe(true)
  })
})
