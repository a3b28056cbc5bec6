import { describe, expect, it } from 'vitest'
import { renderPerformanceDoc } from '../src/report/performanceDoc'
import type { BenchReport } from '../src/report/performanceDoc'
import { FULL_SIZES } from '../src/workloads/workloadSizes'
import { machine, onlyKerjasamaRuns, runs, sqliteSubjects } from './reportFixtures'

const report: BenchReport = {
  startedAt: '2026-12-01T10:00:00Z',
  durationSeconds: 540,
  mode: 'full',
  rounds: 3,
  budgetsMs: { W1: 6000 },
  sizes: FULL_SIZES,
  machine,
  subjects: sqliteSubjects,
  results: [
    ...runs('kerjasama-sqlite', 'W1', 'appendsPerSecond', [300, 280, 320], { appends: 1_800 }),
    ...runs('raw-sqlite', 'W1', 'appendsPerSecond', [600, 640, 560], { appends: 3_600 }),
    ...runs('kerjasama-sqlite', 'W3', 'msPerRead', [80, 82, 78]),
    ...runs('raw-sqlite', 'W3', 'msPerRead', [40, 41, 39], { reads: 50 }),
    ...runs('kerjasama-sqlite', 'W6', 'peakRssMb', [120, 121, 122], { events: 1_000_000 }),
    ...runs('raw-sqlite', 'W6', 'peakRssMb', [110, 111, 112], { events: 16_000 }),
  ],
  snapshotsMeasured: false,
}
const doc = renderPerformanceDoc(report, onlyKerjasamaRuns)

describe('docs/performance.md', () => {
  it('holds the engine tables with the medians and ratios', () => {
    expect(doc).toContain('### SQLite')
    expect(doc).not.toContain('### PostgreSQL')
    expect(doc).toMatch(/\| W1 command path +\| appends\/s ↑ \| +300 ±13% \|/)
  })

  it('names the machine, the load it ran under, the versions and the durability every subject had', () => {
    expect(doc).toContain('| CPU | 2 × Test CPU |')
    expect(doc).toContain('1.5, 1.2, 1.0 at the start, 2.0, 1.5, 1.1 at the end')
    expect(doc).toContain('better-sqlite3 12.11.1 (SQLite 3.50.4)')
    expect(doc).toContain('PostgreSQL 15.20; fsync=on, synchronous_commit=on')
    expect(doc).toContain('## Durability: the same for every subject')
    expect(doc).toContain('synchronous=FULL')
  })

  it('says which subject was unavailable and why', () => {
    expect(doc).toContain('emmett-sqlite unavailable: npm install did not finish within 90 s')
  })

  it('says how much of each budgeted workload was done where a budget cut it short, and nothing where it did not', () => {
    expect(doc).toContain('- W1 (appends): kerjasama-sqlite 1,800 of 20,000, raw-sqlite 3,600 of 20,000')
    expect(doc).not.toContain('- W3 (reads)')
  })

  it('says that W3 with snapshots is not measured yet, and why', () => {
    expect(doc).toMatch(/with snapshots \(at the head\): not yet; the bench does not take snapshots yet/)
  })

  it('stars a read its budget stopped before the end, and not one that finished', () => {
    expect(doc).toMatch(/\| W6 peak RSS reading 1,000,000 events +\| MB ↓ +\| +121 ±2% \| [^|]+\| [^|]+\| +111 ±2% \* \|/)
    expect(doc).toContain('- W6 (events): raw-sqlite 16,000 of 1,000,000')
  })

  it('says how long the run took and where the time went, when the phases were recorded', () => {
    expect(doc).toContain('540 s in all.')
    const phases = [
      { name: 'peers', seconds: 3 },
      { name: 'bundle', seconds: 2 },
      { name: 'probes', seconds: 6 },
      { name: 'seeding', seconds: 120 },
      { name: 'measuring', seconds: 400 },
    ] as const
    const timed = renderPerformanceDoc({ ...report, phases: [...phases] }, onlyKerjasamaRuns)
    expect(timed).toContain('540 s in all: installing or finding Emmett and checking PostgreSQL 3 s, building the measuring processes\' bundle 2 s, probing every subject 6 s, seeding the data sets 120 s, measuring 400 s (18 processes, 18 s between them;')
  })
})

