import type { Engine } from '../subjects/benchSubject'
import type { RunResult, SubjectStatus } from '../runner/runResult'
import type { WorkloadId } from '../workloads/workload'
import type { Figure } from './figures'
import { formatFigure, formatRatio, formatSpread } from './numberFormat'
import { median, ratio, spread } from './statistics'
import { SUBJECT_LABELS } from './subjectLabels'

export type Table = { header: string[]; rightAligned: boolean[]; rows: string[][] }

/** Whether a subject runs a workload at all (W5 and W7 are Kerjasama's alone): undefined when it does, else why not. */
export type NotApplicable = (subject: SubjectStatus, workload: WorkloadId) => string | undefined

/** Whether a run was stopped by its budget where it should have finished (its figure is then over part of the work). */
export type CutShort = (result: RunResult) => boolean

/** `noted`: some round left a note (a budget cut a rebuild short, appends failed): the cell is starred, the notes say what. */
type Summary = { kind: 'value'; median: number; spread: number; samples: number; noted: boolean } | { kind: 'text'; text: string }

/** The medians of one figure's samples for one subject, or why there is no number. */
export function summarise(subject: SubjectStatus, figure: Figure, results: readonly RunResult[], notApplicable: NotApplicable, cutShort: CutShort = () => false): Summary {
  if (figure.notYet !== undefined) return { kind: 'text', text: subject.family === 'kerjasama' ? figure.notYet : 'n/a' }
  if (figure.kerjasamaOnly === true && subject.family !== 'kerjasama') return { kind: 'text', text: 'n/a' }
  const why = notApplicable(subject, figure.workload)
  if (why !== undefined) return { kind: 'text', text: 'n/a' }
  if (subject.unavailable !== undefined) return { kind: 'text', text: 'unavailable' }
  const runs = results.filter((result) => result.subject === subject.name && result.workload === figure.workload)
  if (runs.some((run) => !run.outcome.ok)) return { kind: 'text', text: 'failed' }
  const samples = runs.flatMap((run) => (run.outcome.ok && run.outcome.metrics[figure.metric] !== undefined ? [run.outcome.metrics[figure.metric] as number] : []))
  if (samples.length === 0) return { kind: 'text', text: '—' }
  const noted = runs.some((run) => run.outcome.ok && (run.outcome.notes.length > 0 || cutShort(run)))
  return { kind: 'value', median: median(samples), spread: spread(samples), samples: samples.length, noted }
}

/**
 * One engine's table: a row per figure, a column per subject (median of the
 * rounds, with how far the rounds spread), then Kerjasama's figure divided
 * by each Emmett setup's and by the raw driver's. A ratio is in the figure's
 * own direction: above 1 is faster for a rate, slower or larger for a time or size.
 */
export function engineTable(
  engine: Engine,
  subjects: readonly SubjectStatus[],
  results: readonly RunResult[],
  figureList: readonly Figure[],
  notApplicable: NotApplicable,
  cutShort: CutShort = () => false,
): Table {
  const columns = subjects.filter((subject) => subject.engine === engine)
  const kerjasama = columns.find((subject) => subject.family === 'kerjasama')
  const references = columns.filter((subject) => subject.family !== 'kerjasama')
  const measured = new Set(results.map((result) => result.workload))
  const header = ['figure', 'unit', ...columns.map((subject) => SUBJECT_LABELS[subject.name]), ...references.map((subject) => `÷ ${SUBJECT_LABELS[subject.name]}`)]
  const rows = figureList
    .filter((figure) => measured.has(figure.workload))
    .map((figure) => {
      const summaries = new Map(columns.map((subject) => [subject.name, summarise(subject, figure, results, notApplicable, cutShort)]))
      const cell = (summary: Summary | undefined): string => {
        if (summary === undefined) return '—'
        if (summary.kind === 'text') return summary.text
        const value = summary.samples > 1 ? `${formatFigure(summary.median)} ${formatSpread(summary.spread)}` : formatFigure(summary.median)
        return summary.noted ? `${value} *` : value
      }
      const value = (summary: Summary | undefined): number | undefined => (summary?.kind === 'value' ? summary.median : undefined)
      const own = value(kerjasama === undefined ? undefined : summaries.get(kerjasama.name))
      return [
        figure.label,
        `${figure.unit} ${figure.better === 'higher' ? '↑' : '↓'}`,
        ...columns.map((subject) => cell(summaries.get(subject.name))),
        ...references.map((subject) => formatRatio(ratio(own, value(summaries.get(subject.name))))),
      ]
    })
  return { header, rightAligned: header.map((_, index) => index >= 2), rows }
}

/** A Markdown table, padded so it also reads as plain text in a terminal. */
export function markdownTable(table: Table): string {
  const widths = table.header.map((title, column) => Math.max(title.length, 3, ...table.rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (table.rightAligned[column] ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number))).join(' | ')} |`
  const rule = `| ${widths.map((width, column) => (table.rightAligned[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`
  return [line(table.header), rule, ...table.rows.map(line)].join('\n')
}
