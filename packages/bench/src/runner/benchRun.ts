import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeDatabase } from '../environment/analyzeDatabase'
import { copyDatabase, dropDatabase, dropKerjasamaRoles, freshPostgresDatabase, freshSqliteDatabase } from '../environment/benchDatabases'
import { commitOf, loadAverage, probeMachine } from '../environment/machineProbe'
import { ensurePeerGroup } from '../environment/peerInstall'
import type { PeerAvailability } from '../environment/peerInstall'
import { isInstalled, peerFolder } from '../environment/peerPackages'
import type { PeerGroup } from '../environment/peerPackages'
import { postgresTarget, postgresUnavailableReason, withAdminClient } from '../environment/postgresTarget'
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
import type { RunResult, SubjectStatus } from './runResult'

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
    log('building the measuring processes’ bundle')
    const bundle = await buildChildBundle(paths.buildFolder)

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

    // The data sets the read workloads use, seeded once per subject and read as they are (W5 changes a copy).
    const seeded = new Map<string, SubjectDatabase>()
    const seedFailures = new Map<string, string>()
    const datasetsNeeded = new Set<DatasetName>(options.workloads.flatMap((id) => datasetOf(WORKLOADS[id].database)))
    for (const dataset of datasetsNeeded) {
      for (const subject of running) {
        if (!options.workloads.some((id) => datasetOf(WORKLOADS[id].database).includes(dataset) && notApplicableTo(subject, id) === undefined)) continue
        const twin = SEEDED_LIKE[subject.name]
        const twinDatabase = twin === undefined ? undefined : seeded.get(`${dataset}/${twin}`)
        if (twinDatabase !== undefined) {
          seeded.set(`${dataset}/${subject.name}`, await copyOf(twinDatabase))
          log(`${dataset} for ${subject.name}: a copy of ${twin}'s file`)
          continue
        }
        const database = await fresh(subject.engine, `${dataset}-${subject.name}`)
        await relaxedWhileSeeding(database, target, true)
        const { report, seconds } = await runChild(bundle, { kind: 'seed', subject: subject.name, dataset, database, sizes: options.sizes, peerFolders }, timeoutMs)
        await relaxedWhileSeeding(database, target, false)
        if (!report.ok) {
          // Its read workloads are reported failed with this reason; everything else still runs.
          seedFailures.set(`${dataset}/${subject.name}`, `seeding the ${dataset} data set failed: ${report.error}`)
          log(`${subject.name}: ${seedFailures.get(`${dataset}/${subject.name}`)}`)
          continue
        }
        await analyzeDatabase(database)
        log(`seeded ${dataset} for ${subject.name}: ${Number(report.events).toLocaleString('en-US')} events in ${seconds.toFixed(1)} s`)
        seeded.set(`${dataset}/${subject.name}`, database)
      }
    }

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
      const datasetKey = `${datasetOf(workload.database)[0]}/${planned.subject}`
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
      const { report, seconds } = await runChild(bundle, { kind: 'workload', subject: planned.subject, workload: planned.workload, database, sizes: options.sizes, budgetMs, peerFolders, bundle }, timeoutMs)
      if (database !== source) await drop(database)
      const outcome = report.ok ? { ok: true as const, metrics: report.metrics as Record<string, number>, notes: report.notes as string[] } : { ok: false as const, error: report.error }
      results.push({ ...planned, seconds, outcome })
      log(`[${index + 1}/${plan.length}] round ${planned.round} ${planned.workload} ${planned.subject}: ${outcome.ok ? summaryOf(outcome.metrics) : `FAILED ${outcome.error}`} (${seconds.toFixed(1)} s)`)
    }
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
      snapshotsMeasured: false,
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

/**
 * Emmett's two SQLite setups write the same file through the same library,
 * so the second gets a copy of the first one's seeded file (a database of
 * its own all the same) instead of a second minute of seeding.
 */
const SEEDED_LIKE: Partial<Record<SubjectName, SubjectName>> = { 'emmett-sqlite': 'emmett-sqlite-shared' }

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

// Seeding is not measured: commits need not wait for the disk while it runs. New connections pick the setting up.
async function relaxedWhileSeeding(database: SubjectDatabase, target: ReturnType<typeof postgresTarget>, relaxed: boolean): Promise<void> {
  if (database.engine !== 'postgres') return
  await withAdminClient(target, (client) => client.query(relaxed ? `ALTER DATABASE "${database.database}" SET synchronous_commit = off` : `ALTER DATABASE "${database.database}" RESET synchronous_commit`))
}

function summaryOf(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name} ${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2)}`)
    .join(', ')
}

