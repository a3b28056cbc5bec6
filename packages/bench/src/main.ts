import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { cutShort } from './report/budgetCounts'
import { engineTable, markdownTable } from './report/engineTable'
import { figures } from './report/figures'
import { writePerformanceDoc } from './report/writePerformanceDoc'
import { notApplicableTo, runBench } from './runner/benchRun'
import { parseRunOptions } from './runner/runOptions'
import { SUBJECT_NAMES } from './subjects/benchSubject'
import { WORKLOAD_IDS } from './workloads/workload'

/**
 * `pnpm bench`: Kerjasama, Emmett and the raw drivers side by side (see
 * docs/performance.md, which a full run rewrites). The raw results of each
 * run go to packages/bench/results/ (git-ignored).
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const repository = join(packageRoot, '..', '..')
const resultsFolder = join(packageRoot, 'results')

const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`)
}

let options
try {
  options = parseRunOptions(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(2)
}

const report = await runBench(options, { repository, peersRoot: join(packageRoot, '.peers'), buildFolder: join(resultsFolder, '.build') }, log)
mkdirSync(resultsFolder, { recursive: true })
const stamp = report.startedAt.replaceAll(':', '-')
// A run of some subjects or workloads only is kept apart from the complete runs docs/performance.md is written from.
const complete = options.subjects.length === SUBJECT_NAMES.length && options.workloads.length === WORKLOAD_IDS.length
const kind = `${report.mode}${complete ? '' : '-partial'}`
writeFileSync(join(resultsFolder, `${stamp}-${kind}.json`), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(join(resultsFolder, `latest-${kind}.json`), `${JSON.stringify(report, null, 2)}\n`)

const figureList = figures(report.sizes, report.snapshotsMeasured)
for (const [title, engine] of [['SQLite', 'sqlite'], ['PostgreSQL', 'postgres']] as const) {
  if (!report.subjects.some((subject) => subject.engine === engine)) continue
  const stopped = (result: (typeof report.results)[number]) => cutShort(result, report.sizes, engine)
  process.stdout.write(`\n${title}\n${markdownTable(engineTable(engine, report.subjects, report.results, figureList, notApplicableTo, stopped))}\n`)
}
if (options.writeDoc) {
  writePerformanceDoc(report, repository)
  log('wrote docs/performance.md')
}
log(`done in ${Math.round(report.durationSeconds)} s`)

// Emmett's results are reported whatever they are; a failing Kerjasama or raw-driver measurement fails the run.
const failures = report.results.filter((result) => !result.outcome.ok && report.subjects.find((subject) => subject.name === result.subject)?.family !== 'emmett')
const broken = report.subjects.filter((subject) => subject.family !== 'emmett' && subject.unavailable?.startsWith('it could not') === true)
const continuousIntegration = (process.env.CI ?? '').trim() !== '' && !['false', '0'].includes((process.env.CI ?? '').trim().toLowerCase())
const postgresMissingInCi = continuousIntegration && report.subjects.some((subject) => subject.engine === 'postgres' && subject.unavailable !== undefined && subject.family !== 'emmett')
if (failures.length > 0 || broken.length > 0 || postgresMissingInCi) {
  log(`failed: ${[...failures.map((result) => `${result.subject} ${result.workload}`), ...broken.map((subject) => subject.name), ...(postgresMissingInCi ? ['PostgreSQL is required when CI is set'] : [])].join(', ')}`)
  process.exitCode = 1
}
