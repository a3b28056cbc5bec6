import type { Engine } from '../subjects/benchSubject'
import type { RunResult, SubjectStatus } from '../runner/runResult'
import type { WorkloadId } from '../workloads/workload'
import { formatRatio } from './numberFormat'
import { median } from './statistics'

/**
 * The targets, judged on the run the tables show. A target is a
 * ratio with a bound; a miss links to the doc's hand-written section on what
 * bounds that figure, with the profile that shows it.
 */
export type TargetVerdict = { ratio: number; met: boolean } | undefined

type Measured = (subject: string, workload: WorkloadId, metric: string) => number | undefined

type Target = {
  label: string
  /** Anchor in the doc's "What bounds the missed targets" section. */
  bound: string
  /** What a cell shows: a ratio (2.05×), or the figure itself in the unit the label names. */
  shows?: 'figure'
  judge: (measured: Measured, engine: Engine, emmett: readonly string[]) => TargetVerdict
}

const at = (value: number | undefined, reference: number | undefined): number | undefined =>
  value === undefined || reference === undefined || reference === 0 ? undefined : value / reference

const atLeast = (ratio: number | undefined, bound: number): TargetVerdict => (ratio === undefined ? undefined : { ratio, met: ratio >= bound })
const atMost = (ratio: number | undefined, bound: number): TargetVerdict => (ratio === undefined ? undefined : { ratio, met: ratio <= bound })

/** Emmett at its best setting on this engine: the strictest comparison. */
function bestEmmett(measured: Measured, emmett: readonly string[], workload: WorkloadId, metric: string): number | undefined {
  const figures = emmett.flatMap((subject) => {
    const value = measured(subject, workload, metric)
    return value === undefined ? [] : [value]
  })
  return figures.length === 0 ? undefined : Math.max(...figures)
}

const RATES: ReadonlyArray<{ workload: WorkloadId; metric: string; name: string }> = [
  { workload: 'W1', metric: 'appendsPerSecond', name: 'W1 command path' },
  { workload: 'W2', metric: 'eventsPerSecond', name: 'W2 batch append' },
  { workload: 'W4', metric: 'eventsPerSecond', name: 'W4 catch-up' },
  { workload: 'W8', metric: 'appendsPerSecond', name: 'W8 concurrent writers' },
]

export const TARGETS: readonly Target[] = [
  ...RATES.flatMap(({ workload, metric, name }): Target[] => [
    {
      label: `${name} ≥ 2× Emmett (at its best setting)`,
      bound: workload.toLowerCase(),
      judge: (measured, engine, emmett) => atLeast(at(measured(`kerjasama-${engine}`, workload, metric), bestEmmett(measured, emmett, workload, metric)), 2),
    },
    {
      label: `${name} ≥ 60% of the raw driver`,
      bound: workload.toLowerCase(),
      judge: (measured, engine) => atLeast(at(measured(`kerjasama-${engine}`, workload, metric), measured(`raw-${engine}`, workload, metric)), 0.6),
    },
  ]),
  {
    label: 'W3 with snapshots: 10,000 events (snapshot at the head) ≤ 2× a 10-event load',
    bound: 'w3',
    judge: (measured, engine) => atMost(measured(`kerjasama-${engine}`, 'W3', 'snapshotLoadRatio'), 2),
  },
  {
    label: 'W3 with snapshots: 10,000 events, 99 after the snapshot, ≤ 2× a 10-event load',
    bound: 'w3',
    judge: (measured, engine) => atMost(measured(`kerjasama-${engine}`, 'W3', 'snapshotBehindRatio'), 2),
  },
  {
    label: 'W3 without snapshots ≤ 1.2× the raw driver’s time',
    bound: 'w3',
    judge: (measured, engine) => atMost(at(measured(`kerjasama-${engine}`, 'W3', 'msPerRead'), measured(`raw-${engine}`, 'W3', 'msPerRead')), 1.2),
  },
  {
    label: 'W5 register rebuild ≥ 50% of W4 on the same adapter',
    bound: 'w5',
    judge: (measured, engine) => atLeast(at(measured(`kerjasama-${engine}`, 'W5', 'eventsPerSecond'), measured(`kerjasama-${engine}`, 'W4', 'eventsPerSecond')), 0.5),
  },
  {
    label: 'W6 peak RSS < 150 MB',
    bound: 'w6',
    shows: 'figure',
    judge: (measured, engine) => {
      const rss = measured(`kerjasama-${engine}`, 'W6', 'peakRssMb')
      return rss === undefined ? undefined : { ratio: rss, met: rss < 150 }
    },
  },
  {
    label: 'W7 ≥ 1,000 commands/s on SQLite',
    bound: 'w7',
    shows: 'figure',
    judge: (measured, engine) => {
      if (engine !== 'sqlite') return undefined
      const rate = measured(`kerjasama-${engine}`, 'W7', 'commandsPerSecond')
      return rate === undefined ? undefined : { ratio: rate, met: rate >= 1000 }
    },
  },
]

/** Rates where Kerjasama is below some Emmett setting: the "never below Emmett". */
export function belowEmmett(subjects: readonly SubjectStatus[], results: readonly RunResult[]): string[] {
  const measured = measuredFrom(results)
  const below: string[] = []
  for (const engine of ['sqlite', 'postgres'] as const) {
    const emmett = subjects.filter((subject) => subject.engine === engine && subject.family === 'emmett').map((subject) => subject.name)
    for (const { workload, metric, name } of RATES) {
      const ours = measured(`kerjasama-${engine}`, workload, metric)
      for (const subject of emmett) {
        const ratio = at(ours, measured(subject, workload, metric))
        if (ratio !== undefined && ratio < 1) below.push(`${name} on ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${formatRatio(ratio)} ${subject})`)
      }
    }
  }
  return below
}

function measuredFrom(results: readonly RunResult[]): Measured {
  return (subject, workload, metric) => {
    const samples = results.flatMap((result) =>
      result.subject === subject && result.workload === workload && result.outcome.ok && result.outcome.metrics[metric] !== undefined ? [result.outcome.metrics[metric] as number] : [],
    )
    return samples.length === 0 ? undefined : median(samples)
  }
}

/** The targets section of docs/performance.md: a row per target, a column per engine. */
export function targetsSection(subjects: readonly SubjectStatus[], results: readonly RunResult[]): string[] {
  const measured = measuredFrom(results)
  const engines = (['sqlite', 'postgres'] as const).filter((engine) => subjects.some((subject) => subject.engine === engine && subject.family === 'kerjasama'))
  const emmettOf = (engine: Engine): string[] => subjects.filter((subject) => subject.engine === engine && subject.family === 'emmett' && subject.unavailable === undefined).map((subject) => subject.name)
  const cell = (verdict: TargetVerdict, target: Target): string => {
    if (verdict === undefined) return '—'
    const shown = target.shows === 'figure' ? Math.round(verdict.ratio).toLocaleString('en-US') : formatRatio(verdict.ratio)
    return verdict.met ? `${shown} met` : `${shown} **missed** ([why](#${target.bound}))`
  }
  const header = `| target | ${engines.map((engine) => (engine === 'sqlite' ? 'SQLite' : 'PostgreSQL')).join(' | ')} |`
  const rule = `|---|${engines.map(() => '---:').join('|')}|`
  const rows = TARGETS.map((target) => `| ${target.label} | ${engines.map((engine) => cell(target.judge(measured, engine, emmettOf(engine)), target)).join(' | ')} |`)
  const below = belowEmmett(subjects, results)
  return [
    '## Targets',
    '',
    'The issue’s targets, judged on the figures above (ratios from this one run). What bounds each missed figure, with the profile that shows it, is under [What bounds the missed targets](#what-bounds-the-missed-targets).',
    '',
    header,
    rule,
    ...rows,
    '',
    below.length === 0 ? '- Never below Emmett: every rate above is at least Emmett’s, in each of its settings.' : `- Below Emmett: ${below.join('; ')}.`,
    '',
  ]
}
