import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { copyDatabase, dropDatabase, dropKerjasamaRoles, freshPostgresDatabase, freshSqliteDatabase } from '../environment/benchDatabases'
import { commitOf, loadAverage, probeMachine } from '../environment/machineProbe'
import { ensurePeerGroup } from '../environment/peerInstall'
import type { PeerAvailability } from '../environment/peerInstall'
import { isInstalled, peerFolder } from '../environment/peerPackages'
import type { PeerGroup } from '../environment/peerPackages'
import { postgresTarget, postgresUnavailableReason } from '../environment/postgresTarget'
import type { BenchReport } from '../report/performanceDoc'
import type { Engine, SubjectDatabase, SubjectName } from '../subjects/benchSubject'
import { SUBJECTS } from '../subjects/subjectCatalogue'
import type { WorkloadId } from '../workloads/workload'
import { WORKLOADS } from '../workloads/workloadCatalogue'
import { buildChildBundle } from './childBundle'
import { runChild } from './childProcess'
import type { DatasetName, PeerFolders } from './childTask'
import type { RunOptions } from './runOptions'
import { interleavedPlan } from './runPlan'
import { seedDatasets, seededKey } from './seedDatasets'
import type { SeedJob } from './seedDatasets'
import type { RunPhase, RunResult, SubjectStatus } from './runResult'

export type RunPaths = { repository: string; peersRoot: string; buildFolder: string }

const CHILD_TIMEOUT_MS = { full: 15 * 60_000, quick: 3 * 60_000 }

/** Is the workload one this subject runs (W5 and W7 are Kerjasama's alone)? */
export const notApplicableTo = (subject: SubjectStatus, workload: WorkloadId): string | undefined => WORKLOADS[workload].notApplicable(SUBJECTS[subject.name])

/**
 * The whole run: what can run (PostgreSQL there, Emmett installable), the
 * data sets seeded once per subject, then every planned process in its
 * interleaved order, each on a database made for it, and everything the run
 * made dropped at the end, also when it fails.
 */
export async function runBench(options: RunOptions, paths: RunPaths, log: (line: string) => void): Promise<BenchReport> {
  const startedAt = new Date()
  const loadBefore = loadAverage()
  const kerjasamaCommit = commitOf(paths.repository)
  const target = postgresTarget()
  const sqliteFolder = mkdtempSync(join(tmpdir(), 'kerjasama-bench-'))
  const made: SubjectDatabase[] = []
  const schemas = new Set<string>()
  const timeoutMs = options.quick ? CHILD_TIMEOUT_MS.quick : CHILD_TIMEOUT_MS.full
  // How long each step of the run took, for the report: where a run's time goes is what keeps it short.
  const phases: RunPhase[] = []
  let phaseStarted = performance.now()
  const phase = (name: RunPhase['name']): void => {
    const now = performance.now()
    phases.push({ name, seconds: (now - phaseStarted) / 1000 })
    phaseStarted = now
  }
  const fresh = async (engine: Engine, label: string): Promise<SubjectDatabase> => {
    const database = engine === 'sqlite' ? freshSqliteDatabase(sqliteFolder, label) : await freshPostgresDatabase(target)
    made.push(database)
    if (database.engine === 'postgres') schemas.add(database.schema)
    return database
  }
  const drop = async (database: SubjectDatabase): Promise<void> => {
    await dropDatabase(database, target)
    made.splice(made.indexOf(database), 1)
  }
  try {
    const postgresUnavailable = options.subjects.some((name) => SUBJECTS[name].engine === 'postgres') ? await postgresUnavailableReason(target) : undefined
    if (postgresUnavailable !== undefined) log(`PostgreSQL subjects unavailable: ${postgresUnavailable}`)
    const peers = await preparePeers(options, paths.peersRoot, log)
    const peerFolders: PeerFolders = { sqlite: peerFolder(paths.peersRoot, 'sqlite'), postgresql: peerFolder(paths.peersRoot, 'postgresql') }
    const subjects: SubjectStatus[] = options.subjects.map((name) => {
      const factory = SUBJECTS[name]
      const status: SubjectStatus = { name, engine: factory.engine, family: factory.family, setup: factory.setup }
      if (factory.engine === 'postgres' && postgresUnavailable !== undefined) return { ...status, unavailable: postgresUnavailable }
      if (factory.family === 'emmett') {
        const peer = peers.find((candidate) => candidate.group === peerGroupOf(factory.engine))
        if (peer !== undefined && !peer.available) return { ...status, unavailable: peer.reason }
      }
      return status
    })
    phase('peers')
    log('building the measuring processes’ bundle')
    const bundle = await buildChildBundle(paths.buildFolder)
    phase('bundle')

    // Probe: a subject that cannot open, append and read back is reported unavailable, with the reason, before anything is measured.
    for (const subject of subjects.filter((candidate) => candidate.unavailable === undefined)) {
      const database = await fresh(subject.engine, `probe-${subject.name}`)
      const { report } = await runChild(bundle, { kind: 'probe', subject: subject.name, database, peerFolders }, timeoutMs)
      await drop(database)
      if (!report.ok) {
        subject.unavailable = `it could not open, append and read back: ${report.error}`
        log(`${subject.name} unavailable: ${subject.unavailable}`)
      } else if (typeof report.durability === 'string') {
        subject.setup = `${subject.setup}; its connections report ${report.durability}`
      }
    }
    const running = subjects.filter((subject) => subject.unavailable === undefined)
    phase('probes')

    // The data sets the read workloads use, seeded once per subject and read as they are (W5 changes a copy).
    const datasetsNeeded = new Set<DatasetName>(options.workloads.flatMap((id) => datasetOf(WORKLOADS[id].database)))
    const jobs: SeedJob[] = [...datasetsNeeded].flatMap((dataset) =>
      running
        .filter((subject) => options.workloads.some((id) => datasetOf(WORKLOADS[id].database).includes(dataset) && notApplicableTo(subject, id) === undefined))
        .map((subject) => ({ dataset, subject: subject.name, engine: subject.engine })),
    )
    for (const id of options.workloads) {
      const extra = WORKLOADS[id].extraDataset
      if (extra === undefined) continue
      for (const subject of running) if (notApplicableTo(subject, id) === undefined && extra.applies(SUBJECTS[subject.name])) jobs.push({ dataset: extra.dataset, subject: subject.name, engine: subject.engine })
    }
    const seeding = { bundle, target, sizes: options.sizes, peerFolders, timeoutMs, sqliteFolder, fresh, copyOf, adopt: (database: SubjectDatabase) => made.push(database), log }
    const { databases: seeded, failures: seedFailures } = await seedDatasets(jobs, seeding)
    phase('seeding')

    const plan = interleavedPlan(
      running.map((subject) => subject.name),
      options.workloads,
      options.rounds,
      (name, workload) => notApplicableTo(running.find((subject) => subject.name === name) as SubjectStatus, workload) === undefined,
    )
    const results: RunResult[] = []
    for (const [index, planned] of plan.entries()) {
      const factory = SUBJECTS[planned.subject]
      const workload = WORKLOADS[planned.workload]
      const datasetKey = seededKey(datasetOf(workload.database)[0] as DatasetName, planned.subject)
      const source = workload.database === 'fresh' ? undefined : seeded.get(datasetKey)
      if (workload.database !== 'fresh' && source === undefined) {
        results.push({ ...planned, seconds: 0, outcome: { ok: false, error: seedFailures.get(datasetKey) ?? 'its data set was not seeded' } })
        continue
      }
      const database =
        workload.database === 'fresh'
          ? await fresh(factory.engine, `${planned.workload}-${planned.subject}`)
          : workload.database === 'catch-up-copy'
            ? await copyOf(source as SubjectDatabase)
            : (source as SubjectDatabase)
      const budgetMs = workload.budgeted && options.budgetsMs !== undefined ? (options.budgetsMs[planned.workload] ?? null) : null
      const extraKey = workload.extraDataset !== undefined && workload.extraDataset.applies(factory) ? seededKey(workload.extraDataset.dataset, planned.subject) : undefined
      const extraDatabase = extraKey === undefined ? undefined : seeded.get(extraKey)
      const task = { kind: 'workload' as const, subject: planned.subject, workload: planned.workload, database, ...(extraDatabase === undefined ? {} : { extraDatabase }), sizes: options.sizes, budgetMs, peerFolders, bundle }
      const { report, seconds } = await runChild(bundle, task, timeoutMs)
      if (database !== source) await drop(database)
      const extraMissing = extraKey !== undefined && extraDatabase === undefined ? [seedFailures.get(extraKey) ?? `its ${workload.extraDataset?.dataset} data set was not seeded`] : []
      const outcome = report.ok ? { ok: true as const, metrics: report.metrics as Record<string, number>, notes: [...(report.notes as string[]), ...extraMissing] } : { ok: false as const, error: report.error }
      results.push({ ...planned, seconds, outcome })
      log(`[${index + 1}/${plan.length}] round ${planned.round} ${planned.workload} ${planned.subject}: ${outcome.ok ? summaryOf(outcome.metrics) : `FAILED ${outcome.error}`} (${seconds.toFixed(1)} s)`)
    }
    phase('measuring')
    const machine = await probeMachine({ loadBefore, kerjasamaCommit, postgres: target, postgresUnavailable, peers })
    return {
      startedAt: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
      mode: options.quick ? 'quick' : 'full',
      rounds: options.rounds,
      budgetsMs: options.budgetsMs,
      sizes: options.sizes,
      machine,
      subjects,
      results,
      snapshotsMeasured: results.some((result) => result.outcome.ok && result.outcome.metrics.msPerReadWithSnapshots !== undefined),
      phases,
    }
  } finally {
    for (const database of [...made]) await dropDatabase(database, target).catch((error: Error) => log(`could not drop ${JSON.stringify(database)}: ${error.message}`))
    if (schemas.size > 0) await dropKerjasamaRoles(schemas, target).catch((error: Error) => log(`could not drop Kerjasama's bench roles: ${error.message}`))
    rmSync(sqliteFolder, { recursive: true, force: true })
  }

  async function copyOf(source: SubjectDatabase): Promise<SubjectDatabase> {
    const copy = await copyDatabase(source, target, sqliteFolder)
    made.push(copy)
    return copy
  }
}

const peerGroupOf = (engine: Engine): PeerGroup => (engine === 'sqlite' ? 'sqlite' : 'postgresql')

async function preparePeers(options: RunOptions, peersRoot: string, log: (line: string) => void): Promise<PeerAvailability[]> {
  const groups = [...new Set(options.subjects.filter((name) => SUBJECTS[name].family === 'emmett').map((name) => peerGroupOf(SUBJECTS[name].engine)))]
  const peers: PeerAvailability[] = []
  for (const group of groups) {
    const folder = peerFolder(peersRoot, group)
    if (!options.installPeers && !isInstalled(folder)) {
      peers.push({ group, folder, available: false, reason: 'not installed, and the run was told not to install it (--no-peers)' })
      continue
    }
    const peer = await ensurePeerGroup(peersRoot, group, options.peerTimeoutMs, log)
    if (!peer.available) log(`Emmett (${group}) unavailable: ${peer.reason}`)
    peers.push(peer)
  }
  return peers
}

function datasetOf(need: (typeof WORKLOADS)[WorkloadId]['database']): DatasetName[] {
  if (need === 'catch-up' || need === 'catch-up-copy') return ['catch-up']
  if (need === 'large') return ['large']
  return []
}

function summaryOf(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name} ${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2)}`)
    .join(', ')
}

