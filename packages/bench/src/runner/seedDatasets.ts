import { copyFileSync, existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeDatabase } from '../environment/analyzeDatabase'
import { freshSqliteDatabase } from '../environment/benchDatabases'
import { withAdminClient } from '../environment/postgresTarget'
import type { PostgresTarget } from '../environment/postgresTarget'
import type { Engine, SubjectDatabase, SubjectName } from '../subjects/benchSubject'
import type { WorkloadSizes } from '../workloads/workloadSizes'
import { runChild } from './childProcess'
import type { DatasetName, PeerFolders } from './childTask'

export type SeedJob = { dataset: DatasetName; subject: SubjectName; engine: Engine }

export type SeedContext = {
  bundle: string
  target: PostgresTarget
  sizes: WorkloadSizes
  peerFolders: PeerFolders
  timeoutMs: number
  /** The run's folder on disk, where every SQLite file a workload reads lies. */
  sqliteFolder: string
  /** A database the run owns (dropped at its end). */
  fresh(engine: Engine, label: string): Promise<SubjectDatabase>
  /** A copy of a seeded database, also the run's. */
  copyOf(source: SubjectDatabase): Promise<SubjectDatabase>
  /** Registers a SQLite file the run did not make through `fresh` (a seeded file moved to disk), so it is dropped at the end. */
  adopt(database: SubjectDatabase): void
  log(line: string): void
}

export type Seeded = { databases: Map<string, SubjectDatabase>; failures: Map<string, string> }

export const seededKey = (dataset: DatasetName, subject: SubjectName): string => `${dataset}/${subject}`

/**
 * Emmett's two SQLite setups write the same file through the same library,
 * so the second gets a copy of the first one's seeded file (a database of
 * its own all the same) instead of a second minute of seeding.
 */
const SEEDED_LIKE: Partial<Record<SubjectName, SubjectName>> = { 'emmett-sqlite': 'emmett-sqlite-shared' }

// 1,000,000 events take about 650 MB in the largest format; room for two files at once, with a margin.
const MEMORY_FOLDER_NEEDS_BYTES = 4 * 1024 ** 3

/** Seeding processes at once: one per core of the 2-core machine the bench is measured on. */
const SEEDERS = 2
// The longest first, so the two seeders end close together: the larger data sets, and of each the PostgreSQL subjects
// (a round trip and the server's work per append: 22–120 s for the large one where SQLite's seeders took 11–41 s).
const DATASET_ORDER: readonly DatasetName[] = ['large', 'catch-up', 'snapshots']
const ENGINE_ORDER: readonly Engine[] = ['postgres', 'sqlite']

/**
 * Seeds the data sets, each through the subject itself (its own format,
 * its own library), two at a time: each seeder takes the next data set as
 * it finishes one, so a PostgreSQL server's work, Node's and the other
 * seeder's overlap on the two cores. Nothing is measured while they run.
 *
 * A SQLite file is written in a folder in memory (/dev/shm, when there is
 * one with room) and then copied to the run's folder on disk, where every
 * workload reads it: the seeding process then waits for no disk (2.4× faster
 * for Kerjasama), and the file read is the same bytes the library wrote.
 */
export async function seedDatasets(jobs: readonly SeedJob[], context: SeedContext): Promise<Seeded> {
  const seeded: Seeded = { databases: new Map(), failures: new Map() }
  const memoryFolder = memorySeedFolder()
  const queue = seedingOrder(jobs)
  // A copy of a twin's data set waits for the twin's seeding, whichever seeder runs it.
  const done = new Map<string, Promise<void>>()
  try {
    const seeder = async () => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        const twin = SEEDED_LIKE[job.subject]
        const waitFor = twin === undefined ? undefined : done.get(seededKey(job.dataset, twin))
        const seeding = (waitFor ?? Promise.resolve()).then(() => seedOne(job as SeedJob, seeded, context, memoryFolder))
        done.set(seededKey(job.dataset, job.subject), seeding)
        await seeding
      }
    }
    await Promise.all(Array.from({ length: SEEDERS }, seeder))
  } finally {
    if (memoryFolder !== undefined) rmSync(memoryFolder, { recursive: true, force: true })
  }
  return seeded
}

async function seedOne(job: SeedJob, seeded: Seeded, context: SeedContext, memoryFolder: string | undefined): Promise<void> {
  const key = seededKey(job.dataset, job.subject)
  const twin = SEEDED_LIKE[job.subject]
  const twinDatabase = twin === undefined ? undefined : seeded.databases.get(seededKey(job.dataset, twin))
  if (twinDatabase !== undefined) {
    seeded.databases.set(key, await context.copyOf(twinDatabase))
    context.log(`${job.dataset} for ${job.subject}: a copy of ${twin}'s file`)
    return
  }
  const inMemory = job.engine === 'sqlite' && memoryFolder !== undefined
  const database = inMemory ? freshSqliteDatabase(memoryFolder, `${job.dataset}-${job.subject}`) : await context.fresh(job.engine, `${job.dataset}-${job.subject}`)
  await relaxedWhileSeeding(database, context.target, true)
  const { report, seconds } = await runChild(
    context.bundle,
    { kind: 'seed', subject: job.subject, dataset: job.dataset, database, sizes: context.sizes, peerFolders: context.peerFolders },
    context.timeoutMs,
  )
  await relaxedWhileSeeding(database, context.target, false)
  if (!report.ok) {
    // Its read workloads are reported failed with this reason; everything else still runs.
    seeded.failures.set(key, `seeding the ${job.dataset} data set failed: ${report.error}`)
    context.log(`${job.subject}: ${seeded.failures.get(key)}`)
    if (inMemory) removeSqliteFile(database)
    return
  }
  await analyzeDatabase(database)
  const onDisk = inMemory ? moveToDisk(database, context) : database
  context.log(`seeded ${job.dataset} for ${job.subject}: ${Number(report.events).toLocaleString('en-US')} events in ${seconds.toFixed(1)} s`)
  seeded.databases.set(key, onDisk)
}

/** The order the seeders take the data sets in: the larger data sets first, and of each the PostgreSQL subjects, otherwise as given. */
export function seedingOrder(jobs: readonly SeedJob[]): SeedJob[] {
  return [...jobs].sort((a, b) => DATASET_ORDER.indexOf(a.dataset) - DATASET_ORDER.indexOf(b.dataset) || ENGINE_ORDER.indexOf(a.engine) - ENGINE_ORDER.indexOf(b.engine))
}

function memorySeedFolder(): string | undefined {
  try {
    const stats = statfsSync('/dev/shm')
    if (stats.bavail * stats.bsize < MEMORY_FOLDER_NEEDS_BYTES) return undefined
    return mkdtempSync(join('/dev/shm', 'kerjasama-bench-seed-'))
  } catch {
    return undefined
  }
}

function moveToDisk(database: SubjectDatabase, context: SeedContext): SubjectDatabase {
  if (database.engine !== 'sqlite') return database
  const target = freshSqliteDatabase(context.sqliteFolder, 'seeded')
  if (target.engine !== 'sqlite') return database
  // The seeding process closed the file, so its WAL is normally checkpointed away; copied too if it is not.
  for (const suffix of ['', '-wal']) if (existsSync(database.file + suffix)) copyFileSync(database.file + suffix, target.file + suffix)
  removeSqliteFile(database)
  context.adopt(target)
  return target
}

function removeSqliteFile(database: SubjectDatabase): void {
  if (database.engine !== 'sqlite') return
  for (const suffix of ['', '-wal', '-shm']) rmSync(database.file + suffix, { force: true })
  rmSync(`${database.file}-write-queue`, { recursive: true, force: true })
}

// Seeding is not measured: commits need not wait for the disk while it runs. New connections pick the setting up.
async function relaxedWhileSeeding(database: SubjectDatabase, target: PostgresTarget, relaxed: boolean): Promise<void> {
  if (database.engine !== 'postgres') return
  await withAdminClient(target, (client) => client.query(relaxed ? `ALTER DATABASE "${database.database}" SET synchronous_commit = off` : `ALTER DATABASE "${database.database}" RESET synchronous_commit`))
}
