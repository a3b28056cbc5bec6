import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TARGETS, belowEmmett, targetsSection } from '../src/report/targets'
import { boundsSectionOf } from '../src/report/writePerformanceDoc'
import type { SubjectStatus } from '../src/runner/runResult'
import { runs } from './reportFixtures'

const subjects: SubjectStatus[] = [
  { name: 'kerjasama-sqlite', engine: 'sqlite', family: 'kerjasama', setup: 'openSqliteStore' },
  { name: 'emmett-sqlite-shared', engine: 'sqlite', family: 'emmett', setup: 'shared' },
  { name: 'emmett-sqlite', engine: 'sqlite', family: 'emmett', setup: 'as it comes' },
  { name: 'raw-sqlite', engine: 'sqlite', family: 'raw', setup: 'better-sqlite3' },
]

const rowOf = (lines: string[], start: string): string | undefined => lines.find((line) => line.startsWith(`| ${start}`))

describe('the targets section', () => {
  it('judges a rate against Emmett at its best setting and against the raw driver, linking a miss to what bounds it', () => {
    const results = [
      // Medians: ours 300, Emmett shared 100, Emmett as it comes 200 (the best), raw 400.
      ...runs('kerjasama-sqlite', 'W1', 'appendsPerSecond', [290, 300, 310]),
      ...runs('emmett-sqlite-shared', 'W1', 'appendsPerSecond', [100, 100, 100]),
      ...runs('emmett-sqlite', 'W1', 'appendsPerSecond', [200, 200, 200]),
      ...runs('raw-sqlite', 'W1', 'appendsPerSecond', [400, 400, 400]),
    ]
    const lines = targetsSection(subjects, results)
    expect(rowOf(lines, 'W1 command path ≥ 2× Emmett')).toBe('| W1 command path ≥ 2× Emmett (at its best setting) | 1.50× **missed** ([why](#w1)) |')
    expect(rowOf(lines, 'W1 command path ≥ 60% of the raw driver')).toBe('| W1 command path ≥ 60% of the raw driver | 0.75× met |')
    expect(rowOf(lines, 'W2 batch append ≥ 2×')).toContain('| —')
  })

  it('shows memory and the domain path as figures, and a rebuild as its share of the same adapter’s catch-up', () => {
    const results = [
      ...runs('kerjasama-sqlite', 'W6', 'peakRssMb', [151]),
      ...runs('kerjasama-sqlite', 'W7', 'commandsPerSecond', [1_200]),
      ...runs('kerjasama-sqlite', 'W4', 'eventsPerSecond', [100_000]),
      ...runs('kerjasama-sqlite', 'W5', 'eventsPerSecond', [50_000]),
    ]
    const lines = targetsSection(subjects, results)
    expect(rowOf(lines, 'W6 peak RSS')).toBe('| W6 peak RSS < 150 MB | 151 **missed** ([why](#w6)) |')
    expect(rowOf(lines, 'W7')).toBe('| W7 ≥ 1,000 commands/s on SQLite | 1,200 met |')
    expect(rowOf(lines, 'W5')).toBe('| W5 register rebuild ≥ 50% of W4 on the same adapter | 0.50× met |')
  })

  it('names every rate below any Emmett setting, and says so when there is none', () => {
    const slower = [...runs('kerjasama-sqlite', 'W2', 'eventsPerSecond', [90]), ...runs('emmett-sqlite', 'W2', 'eventsPerSecond', [100]), ...runs('emmett-sqlite-shared', 'W2', 'eventsPerSecond', [80])]
    expect(belowEmmett(subjects, slower)).toEqual(['W2 batch append on SQLite (0.90× emmett-sqlite)'])
    const faster = [...runs('kerjasama-sqlite', 'W2', 'eventsPerSecond', [120]), ...runs('emmett-sqlite', 'W2', 'eventsPerSecond', [100])]
    expect(belowEmmett(subjects, faster)).toEqual([])
    expect(targetsSection(subjects, faster)).toContain('- Never below Emmett: every rate above is at least Emmett’s, in each of its settings.')
  })
})

describe('docs/performance.md, what bounds the missed targets', () => {
  it('has the section every target links a miss to, and a full run keeps it as it stands', () => {
    const bounds = boundsSectionOf(readFileSync(new URL('../../../docs/performance.md', import.meta.url), 'utf8'))
    expect(bounds).toContain('## What bounds the missed targets')
    expect(boundsSectionOf(`# rewritten by a full run\n\n${bounds}`)).toBe(bounds)
    expect(TARGETS.map((target) => target.bound).filter((anchor) => !bounds.includes(`<a id="${anchor}"></a>`))).toEqual([])
  })
})
