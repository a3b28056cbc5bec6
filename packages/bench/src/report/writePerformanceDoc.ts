import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { notApplicableTo } from '../runner/benchRun'
import { scaleSectionOf } from '../workloads/registerAtScaleDoc'
import type { BenchReport } from './performanceDoc'
import { renderPerformanceDoc } from './performanceDoc'

export const BOUNDS_BEGIN = '<!-- bounds: written by hand, kept by `pnpm bench` when it rewrites the rest -->'
export const BOUNDS_END = '<!-- /bounds -->'

/** The hand-written "What bounds the missed targets" section as it stands in `doc` (empty when there is none). */
export function boundsSectionOf(doc: string): string {
  const start = doc.indexOf(BOUNDS_BEGIN)
  const end = doc.indexOf(BOUNDS_END)
  return start === -1 || end < start ? '' : `${doc.slice(start, end + BOUNDS_END.length)}\n`
}

/**
 * Writes docs/performance.md from a run's report. Two sections are not the
 * run's and are kept as they stand: what bounds the missed targets (written
 * by hand, from profiles) and the register at scale (written by its own
 * script, workloads/registerAtScale.ts).
 */
export function writePerformanceDoc(report: BenchReport, repository: string): void {
  const docPath = join(repository, 'docs', 'performance.md')
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : ''
  const kept = [boundsSectionOf(doc), scaleSectionOf(doc)].filter((section) => section !== '')
  writeFileSync(docPath, [renderPerformanceDoc(report, notApplicableTo), ...kept].join('\n'))
}
