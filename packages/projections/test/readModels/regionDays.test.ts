import { describe, expect, it } from 'vitest'
import { createRegionDirectory, jawaTengahRegions } from '@kerjasama/core'
import type { EventStore } from '@kerjasama/core'
import { agreementLifecycle } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'
import {
  agreementAsOf, builtInProjections, defineProjection, queryDeadlines, queryRegister, querySemesterReport, queryTimeline, queryWatchlist, readModelsAsOf, registerAsOf, watchlistAsOf,
} from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'
import type { History } from '../support/lifecycleHistory'

/**
 * Kebumen (33.05) keeps WIB, UTC+7; Kota Jayapura (91.71) keeps WIT, UTC+9.
 * The same instant is one day in Kebumen and already the next in Jayapura
 * from 15:00 to 17:00 UTC, and the read side judges each agreement on its
 * own initiating region's clock, as the command side dates its steps.
 */
const regions = createRegionDirectory({
  source: 'Jawa Tengah dan Kota Jayapura (uji)',
  complete: false,
  regions: [...jawaTengahRegions.regions.map(({ code, name }) => ({ code, name: name ?? code })), { code: '91', name: 'Papua' }, { code: '91.71', name: 'Kota Jayapura' }],
})
const KEBUMEN = '33.05'
const JAYAPURA = '91.71'

function historyFrom(start: string, store?: EventStore): History {
  return newHistory(start, store ?? openMemoryStore(), regions)
}

/** A KSDPK agreement of each region from the same start, its one action due 90 days on (from 2026-09-02: 1 December), run up to a step. */
async function bothRegions(history: History, start: string, until: { stopBefore?: string; steps?: number }, firstActionDueDays = 30): Promise<void> {
  for (const [agreementId, initiatingRegion] of [['kebumen', KEBUMEN], ['jayapura', JAYAPURA]] as const) {
    history.clock.set(start)
    await runLifecycle(history, 'KSDPK', { agreementId, initiatingRegion, start, firstActionDueDays }, until)
  }
}

const overdue = (entries: Array<{ agreementId: string; code: string; since: string }>): string[] =>
  entries.filter((entry) => entry.code === 'ACTION_OVERDUE').map((entry) => `${entry.agreementId} ${entry.since}`).sort()

describe('the watchlist judges each agreement on its initiating region’s today', () => {
  it('an action due 1 December is past due in Jayapura from 00:00 WIT on the 2nd and in Kebumen from 00:00 WIB, not from 00:00 UTC', async () => {
    const history = historyFrom('2026-09-02T02:00:00.000Z')
    await bothRegions(history, '2026-09-02T02:00:00.000Z', { stopBefore: 'complete action' })
    const reader = await buildReadModels(history.store, builtInProjections)
    const at = async (instant: string) => overdue(await queryWatchlist(reader, { now: new Date(instant) }))
    // 14:59 UTC: 21:59 in Kebumen, 23:59 in Jayapura; the 1st everywhere.
    expect(await at('2026-12-01T14:59:59.999Z')).toEqual([])
    // 16:30 UTC: 23:30 on the 1st in Kebumen, 01:30 on the 2nd in Jayapura.
    expect(await at('2026-12-01T16:30:00.000Z')).toEqual(['jayapura 2026-12-02'])
    // 17:00 UTC is midnight in Kebumen.
    expect(await at('2026-12-01T17:00:00.000Z')).toEqual(['jayapura 2026-12-02', 'kebumen 2026-12-02'])
    // 23:30 UTC: 08:30 on the 2nd in Jayapura, when UTC still counts the 1st.
    expect(await at('2026-12-01T23:30:00.000Z')).toEqual(['jayapura 2026-12-02', 'kebumen 2026-12-02'])
    expect(overdue(await queryWatchlist(reader, { now: new Date('2026-12-01T16:30:00.000Z'), region: KEBUMEN }))).toEqual([])
  })
})

describe('the deadlines window starts on the region’s today', () => {
  it('with --region, on that region’s day; without, on each agreement’s own initiating region’s day', async () => {
    const history = historyFrom('2026-09-02T02:00:00.000Z')
    await bothRegions(history, '2026-09-02T02:00:00.000Z', { stopBefore: 'complete action' })
    const reader = await buildReadModels(history.store, builtInProjections)
    const due = async (instant: string, region?: string) =>
      (await queryDeadlines(reader, { now: new Date(instant), days: 1, kind: 'action', ...(region === undefined ? {} : { region }) })).map((deadline) => `${deadline.agreementId} ${deadline.dueDate}`)
    // 16:30 UTC on 30 November: Jayapura's today is already 1 December, Kebumen's still 30 November.
    expect(await due('2026-11-30T16:30:00.000Z')).toEqual(['jayapura 2026-12-01'])
    expect(await due('2026-11-30T16:30:00.000Z', JAYAPURA)).toEqual(['jayapura 2026-12-01'])
    expect(await due('2026-11-30T16:30:00.000Z', KEBUMEN)).toEqual([])
    // A day on: Jayapura's action is behind it, Kebumen's is today.
    expect(await due('2026-12-01T16:30:00.000Z')).toEqual(['kebumen 2026-12-01'])
    expect(await due('2026-12-01T16:30:00.000Z', KEBUMEN)).toEqual(['kebumen 2026-12-01'])
    expect(await due('2026-12-01T16:30:00.000Z', JAYAPURA)).toEqual([])
  })
})

describe('the day a step was recorded is the day on the initiating region’s clock', () => {
  // 16:00 UTC on 30 June 2026: 23:00 in Kebumen, but 01:00 on 1 July in Jayapura.
  const EVENING = '2026-06-30T16:00:00.000Z'

  it('dates an undated step on that day in the register, the timeline and the semester report', async () => {
    const history = historyFrom(EVENING)
    await bothRegions(history, EVENING, { steps: 1 })
    const reader = await buildReadModels(history.store, builtInProjections)
    const identified = Object.fromEntries((await queryRegister(reader)).items.map((entry) => [entry.agreementId, entry.stageDates.identified]))
    expect(identified).toEqual({ kebumen: { recordedAt: EVENING, happenedOn: '2026-06-30' }, jayapura: { recordedAt: EVENING, happenedOn: '2026-07-01' } })
    expect((await queryTimeline(reader, { tenant: 'default', agreementId: 'jayapura' }))?.entries[0]).toMatchObject({ recordedAt: EVENING, happenedOn: '2026-07-01' })
    expect((await queryTimeline(reader, { tenant: 'default', agreementId: 'kebumen' }))?.entries[0]).toMatchObject({ recordedAt: EVENING, happenedOn: '2026-06-30' })
    const identifiedBy = async (semester: string) => (await querySemesterReport(reader, { semester })).rows.map((row) => `${row.region} ${row.byStage.identified}`)
    expect(await identifiedBy('2026-1')).toEqual(['33.05 1'])
    expect(await identifiedBy('2026-2')).toEqual(['33.05 1', '91.71 1'])
  })

  it('as of a date, by recorded and by happened, takes the steps recorded by that day on the region’s clock', async () => {
    const history = historyFrom(EVENING)
    await bothRegions(history, EVENING, { steps: 1 })
    for (const by of ['recorded', 'happened'] as const) {
      expect((await agreementAsOf(history.store, 'kebumen', { date: '2026-06-30', by })).status, by).toBe('identified')
      expect((await agreementAsOf(history.store, 'jayapura', { date: '2026-06-30', by })).status, by).toBe('none')
      expect((await agreementAsOf(history.store, 'jayapura', { date: '2026-07-01', by })).status, by).toBe('identified')
      expect((await queryRegister(await registerAsOf(history.store, { date: '2026-06-30', by }))).items.map((entry) => entry.agreementId), by).toEqual(['kebumen'])
    }
  })

  it('as of a date, an action completed at 05:00 WIT on 2 December was not yet completed on the 1st, and was overdue that day', async () => {
    const start = '2026-09-02T02:00:00.000Z'
    const history = historyFrom(start)
    // Due 30 November; completed (and recorded) at 20:00 UTC on 1 December, 05:00 on the 2nd in Jayapura.
    await runLifecycle(history, 'KSDPK', { agreementId: 'jayapura', initiatingRegion: JAYAPURA, start, firstActionDueDays: 29 }, { stopBefore: 'complete action' })
    const complete = agreementLifecycle('KSDPK', { agreementId: 'jayapura', initiatingRegion: JAYAPURA, start, firstActionDueDays: 29 }).find((step) => step.label === 'complete action')
    history.clock.set('2026-12-01T20:00:00.000Z')
    await history.service.execute(complete!.command, { actor: complete!.actor })
    expect(overdue(await watchlistAsOf(history.store, { date: '2026-12-01' }))).toEqual(['jayapura 2026-12-01'])
    expect(overdue(await watchlistAsOf(history.store, { date: '2026-12-02' }))).toEqual([])
  })

  it('steps of other aggregates count by the day on the clock of their tenant when it is a province’s code, else by the UTC day', async () => {
    const counted = defineProjection({
      name: 'counted',
      version: 1,
      collections: { counted: { indexed: [] } },
      async apply(stored, tx) {
        const saved = (await tx.get('counted', 'all')) as { events: number } | undefined
        await tx.put('counted', 'all', { events: (saved?.events ?? 0) + 1 })
      },
    })
    const countAsOf = async (store: EventStore, date: string) => ((await (await readModelsAsOf(store, [counted], { date })).get('counted', 'all')) as { events: number } | undefined)?.events ?? 0
    for (const [tenant, onThe30th] of [['default', 1], [JAYAPURA, 0]] as const) {
      const store = openMemoryStore({ tenant })
      const metadata = { actor: { id: 'sistem', role: 'system' }, correlationId: 'c', causationId: 'c', recordedAt: EVENING }
      await store.append('anggaran-2026', [{ type: 'BudgetNoted', schemaVersion: 1, data: {}, metadata }], { expectedVersion: 'none' })
      expect(await countAsOf(store, '2026-06-30'), tenant).toBe(onThe30th)
      expect(await countAsOf(store, '2026-07-01'), tenant).toBe(1)
    }
  })
})

describe('the watchlist as of a date', () => {
  it('judges every agreement on that date itself, whatever its region’s zone', async () => {
    const history = historyFrom('2026-09-02T02:00:00.000Z')
    await bothRegions(history, '2026-09-02T02:00:00.000Z', { stopBefore: 'complete action' })
    // Due 1 December: not past due on the 1st in either region, past due on the 2nd in both.
    expect(overdue(await watchlistAsOf(history.store, { date: '2026-12-01' }))).toEqual([])
    expect(overdue(await watchlistAsOf(history.store, { date: '2026-12-02' }))).toEqual(['jayapura 2026-12-02', 'kebumen 2026-12-02'])
    expect(overdue(await watchlistAsOf(history.store, { date: '2026-12-02' }, { region: JAYAPURA }))).toEqual(['jayapura 2026-12-02'])
  })
})
