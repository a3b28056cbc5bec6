import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { notApplicableTo } from '../runner/benchRun'
import { scaleSectionOf } from '../workloads/registerAtScaleDoc'
import type { BenchReport } from './performanceDoc'
import { renderPerformanceDoc } from './performanceDoc'

/** Writes docs/performance.md from a run's report, keeping the register-at-scale section, which its own script writes (workloads/registerAtScale.ts). */
export function writePerformanceDoc(report: BenchReport, repository: string): void {
  const docPath = join(repository, 'docs', 'performance.md')
  const scale = existsSync(docPath) ? scaleSectionOf(readFileSync(docPath, 'utf8')) : ''
  writeFileSync(docPath, `${renderPerformanceDoc(report, notApplicableTo)}${scale === '' ? '' : `\n${scale}`}`)
}
