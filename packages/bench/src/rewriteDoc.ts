import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import type { BenchReport } from './report/performanceDoc'
import { writePerformanceDoc } from './report/writePerformanceDoc'

/**
 * `pnpm --filter @kerjasama/bench run doc`: docs/performance.md written again
 * from the last complete run's results (results/latest-full.json), after a
 * change to how the doc is written, without measuring again.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const resultsPath = join(packageRoot, 'results', 'latest-full.json')
let report: BenchReport
try {
  report = JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchReport
} catch (error) {
  process.stderr.write(`bench: no complete run to write the doc from (${resultsPath}: ${(error as Error).message}); run pnpm bench first\n`)
  process.exit(1)
}
writePerformanceDoc(report, join(packageRoot, '..', '..'))
process.stderr.write(`bench: wrote docs/performance.md from the run of ${report.startedAt}\n`)
