import { describe, expect, it } from 'vitest'
import { engineTable, markdownTable, summarise } from '../src/report/engineTable'
import { figures } from '../src/report/figures'
import { formatFigure, formatRatio } from '../src/report/numberFormat'
import type { RunResult } from '../src/runner/runResult'
import { FULL_SIZES } from '../src/workloads/workloadSizes'
import { onlyKerjasamaRuns, runs, sqliteSubjects } from './reportFixtures'

const figureList = figures(FULL_SIZES, false)
const rowOf = (rows: string[][], label: string) => rows.find((row) => row[0]?.startsWith(label)) as string[]

describe('an engine table', () => {
  const results: RunResult[] = [
    ...runs('kerjasama-sqlite', 'W1', 'appendsPerSecond', [300, 280, 320]),
    ...runs('emmett-sqlite-shared', 'W1', 'appendsPerSecond', [150, 160, 140]),
    ...runs('raw-sqlite', 'W1', 'appendsPerSecond', [600, 640, 560]),
    ...runs('kerjasama-sqlite', 'W5', 'eventsPerSecond', [20_000, 21_000, 19_000]),
  ]
  const table = engineTable('sqlite', sqliteSubjects, results, figureList, onlyKerjasamaRuns)

  it('has a column per subject of the engine, then Kerjasama divided by each other subject', () => {
    expect(table.header).toEqual([
      'figure',
      'unit',
      'Kerjasama',
      'Emmett, shared connection',
      'Emmett, as it comes',
      'raw better-sqlite3',
      '÷ Emmett, shared connection',
      '÷ Emmett, as it comes',
      '÷ raw better-sqlite3',
    ])
  })

  it('shows the median of the rounds with their spread, and the ratios of the medians', () => {
    expect(rowOf(table.rows, 'W1 command path')).toEqual(['W1 command path', 'appends/s ↑', '300 ±13%', '150 ±13%', 'unavailable', '600 ±13%', '2.00×', '—', '0.50×'])
  })

  it('says n/a where a workload is Kerjasama’s alone, and has no ratio there', () => {
    expect(rowOf(table.rows, 'W5 register rebuild')).toEqual(['W5 register rebuild', 'events/s ↑', '20,000 ±10%', 'n/a', 'n/a', 'n/a', '—', '—', '—'])
  })

  it('marks the snapshot figure not yet, and leaves out workloads nobody ran', () => {
    const withW3 = engineTable('sqlite', sqliteSubjects, [...results, ...runs('kerjasama-sqlite', 'W3', 'msPerRead', [80])], figureList, onlyKerjasamaRuns)
    expect(rowOf(withW3.rows, 'W3 load a 10,000-event agreement, with snapshots (at the head)').slice(2, 6)).toEqual(['not yet', 'n/a', 'n/a', 'n/a'])
    expect(rowOf(withW3.rows, 'W3 rehydrate 10,000 events, without snapshots')[2]).toBe('80.0')
    expect(table.rows.some((row) => row[0]?.startsWith('W2'))).toBe(false)
  })

  it('shows the loads with snapshots for Kerjasama alone, with the 10-event load and their ratio, once they are measured', () => {
    const measured = figures(FULL_SIZES, true)
    const w3 = [
      ...runs('kerjasama-sqlite', 'W3', 'msPerRead', [80, 82, 78], { msPerReadWithSnapshots: 1.2, msPerShortLoad: 0.4, snapshotLoadRatio: 3 }),
      ...runs('raw-sqlite', 'W3', 'msPerRead', [40, 41, 39]),
    ]
    const withSnapshots = engineTable('sqlite', sqliteSubjects, w3, measured, onlyKerjasamaRuns)
    expect(rowOf(withSnapshots.rows, 'W3 load a 10,000-event agreement, with snapshots (at the head)').slice(2, 7)).toEqual(['1.20 ±0%', 'n/a', 'n/a', 'n/a', '—'])
    expect(rowOf(withSnapshots.rows, 'W3 load a 10-event agreement')[2]).toBe('0.400 ±0%')
    expect(rowOf(withSnapshots.rows, 'W3 10,000 events, snapshot at the head ÷ 10 events (target ≤ 2)').slice(2, 4)).toEqual(['3.00 ±0%', 'n/a'])
    expect(rowOf(withSnapshots.rows, 'W3 rehydrate 10,000 events, without snapshots').at(-1)).toBe('2.00×')
  })

  it('says failed when any round failed, rather than a median of the rounds that did not', () => {
    const failed: RunResult[] = [...runs('raw-sqlite', 'W4', 'eventsPerSecond', [50_000, 52_000]), { round: 3, subject: 'raw-sqlite', workload: 'W4', seconds: 1, outcome: { ok: false, error: 'SQLITE_FULL' } }]
    const summary = summarise(sqliteSubjects[3] as (typeof sqliteSubjects)[number], figureList.find((figure) => figure.workload === 'W4') as (typeof figureList)[number], failed, onlyKerjasamaRuns)
    expect(summary).toEqual({ kind: 'text', text: 'failed' })
  })

  it('reads as aligned plain text: every line as wide as the header, numbers right-aligned', () => {
    const lines = markdownTable(table).split('\n')
    expect(new Set(lines.map((line) => line.length)).size).toBe(1)
    expect(lines[1]).toMatch(/^\| -+ \| -+ \| -+: \|/)
  })
})

describe('number formats', () => {
  it('keeps three significant digits below 100 and whole numbers with separators above', () => {
    expect(formatFigure(123_456.7)).toBe('123,457')
    expect(formatFigure(45.67)).toBe('45.7')
    expect(formatFigure(4.567)).toBe('4.57')
    expect(formatFigure(0.04567)).toBe('0.046')
    expect(formatFigure(Number.NaN)).toBe('—')
    expect(formatRatio(0.5)).toBe('0.50×')
    expect(formatRatio(undefined)).toBe('—')
  })
})

describe('a figure with a note', () => {
  it('is starred, so the reader looks for the note under the tables', () => {
    const noted: RunResult[] = [{ round: 1, subject: 'kerjasama-sqlite', workload: 'W5', seconds: 1, outcome: { ok: true, metrics: { eventsPerSecond: 900 }, notes: ['the rebuild had applied 5,500 of 10,000 events when its budget ended'] } }]
    const table = engineTable('sqlite', sqliteSubjects, noted, figureList, onlyKerjasamaRuns)
    expect(rowOf(table.rows, 'W5 register rebuild')[2]).toBe('900 *')
  })
})
