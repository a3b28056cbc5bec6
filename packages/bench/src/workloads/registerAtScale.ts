import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { REGISTER_COLLECTION, builtInReader, createProjectionRunner, findHead, queryRegister, registerProjection } from '@kerjasama/projections'
import type { Projection, RegisterFilter } from '@kerjasama/projections'
import type { EventStore, NewEvent, ReadModelStore } from '@kerjasama/core'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import pg from 'pg'
import { agreementTemplate } from '../datasets/agreementTemplate'
import { catchUpLog } from '../datasets/catchUpLog'
import type { SeedAppend } from '../datasets/seedAppend'
import { connectionStringFor, postgresTarget, withAdminClient } from '../environment/postgresTarget'
import { median } from '../report/statistics'
import { buildChildBundle } from '../runner/childBundle'
import { peakRssMb } from './peakRss'
import { REBUILD_COMPARISONS } from './rebuildComparisons'
import type { RebuildComparison } from './rebuildComparisons'
import { withScaleSection } from './registerAtScaleDoc'

/**
 * The scale targets, outside the side-by-side run: a register of
 * 1,000,000 events (some 70,000 agreements, over the 50,000 asked) rebuilt from nothing by
 * createProjectionRunner, its peak RSS, then filtered register pages on it.
 *
 *   pnpm --filter @kerjasama/bench run scale [--engines=sqlite,postgres] [--events=1000000] [--rebuild-budget=900] [--no-comparisons] [--keep] [--doc]
 *   pnpm --filter @kerjasama/bench run scale --doc-only   (the last run's figures into the doc again)
 *
 * Seeding copies catchUpLog's agreement histories (decided once by the real
 * service, re-keyed per agreement) in one append per agreement with relaxed
 * durability; the rebuild and the pages run in a process of their own with
 * the store's default durability, so its peak RSS is the rebuild's. --doc
 * writes the figures into docs/performance.md's "Register at scale" section.
 * Unless --no-comparisons, the projections of rebuildComparisons.ts are
 * rebuilt over the same log too, each in a process of its own.
 */
const packageRoot = fileURLToPath(new URL('../..', import.meta.url))
const repository = join(packageRoot, '..', '..')
const folder = join(packageRoot, 'results', 'scale')
const PAGE_QUERIES = 30
const SEED_PARALLEL = 4

type Engine = 'sqlite' | 'postgres'
type Place = { engine: 'sqlite'; file: string } | { engine: 'postgres'; database: string; schema: string }
type Pages = Record<'regionAndStage' | 'regionAndCommonStage' | 'stage' | 'region' | 'unfiltered', { ms: number; rows: number }>
export type ScaleResult = {
  engine: Engine
  agreements: number
  events: number
  seedSeconds: number
  /** `applied` is the runner's own count (onProgress); the rate is over the events read to the head, or applied when cut short. */
  /** peakRssBeforeMb: the process's peak before the rebuild started. */
  rebuild: { applied: number; caughtUp: boolean; seconds: number; eventsPerSecond: number; peakRssMb: number; peakRssBeforeMb?: number; documents: number }
  /** The store's own readAll over the same log, in a process of its own: the rate the rebuild's target is a share of. */
  readAll?: { eventsPerSecond: number }
  /** Other projections rebuilt from nothing over the same log, each in a process of its own (rebuildComparisons.ts). */
  comparisons?: Partial<Record<RebuildComparison, { eventsPerSecond: number; caughtUp: boolean }>>
  pages: Pages
}

const PAGES: Array<[keyof Pages, RegisterFilter]> = [
  ['regionAndStage', { region: '33.05', stage: 'evaluated', limit: 50 }],
  // Most of the data set's agreements stop at "coordinated": a first condition that narrows nothing.
  ['regionAndCommonStage', { region: '33.05', stage: 'coordinated', limit: 50 }],
  ['stage', { stage: 'evaluated', limit: 50 }],
  ['region', { region: '33.05', limit: 50 }],
  ['unfiltered', { limit: 50 }],
]

function flag(name: string): string | undefined {
  const found = process.argv.find((argument) => argument.startsWith(`--${name}=`) || argument === `--${name}`)
  return found === undefined ? undefined : (found.split('=')[1] ?? 'true')
}

async function open(place: Place, relaxed: boolean): Promise<{ events: EventStore; readModels: ReadModelStore; close(): Promise<void> }> {
  if (place.engine === 'sqlite') {
    const store = openSqliteStore({ file: place.file, durability: relaxed ? 'normal' : 'full' })
    return { events: store, readModels: store.readModels, close: () => store.close() }
  }
  const target = postgresTarget()
  // Seeding only: commits that need not wait for the disk change nothing that is read back.
  const pool = new pg.Pool({ connectionString: connectionStringFor(target, place.database), max: SEED_PARALLEL + 1, ...(relaxed ? { options: '-c synchronous_commit=off' } : {}) })
  const store = await openPostgresStore({ pool, schema: place.schema })
  return {
    events: store,
    readModels: store.readModels,
    close: async () => {
      await store.close()
      await pool.end()
    },
  }
}

async function seed(place: Place, total: number): Promise<{ agreements: number; events: number; seconds: number }> {
  const started = performance.now()
  const store = await open(place, true)
  const log = catchUpLog(await agreementTemplate(), total)
  let events = 0
  let written = 0
  const next = async (): Promise<void> => {
    for (;;) {
      const append = log.next().value as SeedAppend | undefined
      if (append === undefined) return
      written += 1
      events += append.events.length
      await store.events.append(append.streamId, append.events as NewEvent[], { expectedVersion: 'none' })
    }
  }
  await Promise.all(Array.from({ length: place.engine === 'sqlite' ? 1 : SEED_PARALLEL }, next))
  await store.close()
  if (place.engine === 'postgres') await withAdminClient({ ...postgresTarget(), adminDatabase: place.database }, (client) => client.query('vacuum analyze'))
  return { agreements: written, events, seconds: (performance.now() - started) / 1000 }
}

/** `projection` built from nothing to the log's head by createProjectionRunner, or as far as the budget lets it. */
async function rebuildFromNothing(store: { events: EventStore; readModels: ReadModelStore }, projection: Projection, budgetSeconds: number): Promise<{ applied: number; caughtUp: boolean; seconds: number; eventsPerSecond: number }> {
  const head = await findHead(store.events, 0n)
  // A fresh database numbers its events from 1 without gaps.
  const events = Number(head)
  let applied = 0
  const runner = createProjectionRunner({ eventStore: store.events, readModels: store.readModels, projections: [projection], onProgress: (progress) => (applied = progress.done) })
  const started = performance.now()
  await runner.start()
  let caughtUp = true
  try {
    await runner.waitUntilCaughtUp(head, { timeoutMs: budgetSeconds * 1000 })
  } catch (error) {
    if ((error as { code?: string }).code !== 'PROJECTION_CATCH_UP_TIMEOUT') throw error
    caughtUp = false
  }
  const seconds = (performance.now() - started) / 1000
  await runner.stop()
  return { applied, caughtUp, seconds, eventsPerSecond: (caughtUp ? events : applied) / seconds }
}

async function rebuildAndPages(place: Place, budgetSeconds: number): Promise<Pick<ScaleResult, 'rebuild' | 'pages'>> {
  const store = await open(place, false)
  await findHead(store.events, 0n)
  const rssBeforeRebuild = peakRssMb()
  const rebuilt = await rebuildFromNothing(store, registerProjection, budgetSeconds)
  const rss = peakRssMb()
  const reader = builtInReader(store.readModels, [registerProjection])
  let documents = 0
  for (let after: string | undefined, first = true; first || after !== undefined; first = false) {
    const page = await reader.query(REGISTER_COLLECTION, { limit: 500, ...(after === undefined ? {} : { after }) })
    documents += page.items.length
    after = page.next
  }
  const pages = {} as Pages
  for (const [name, filter] of PAGES) {
    const timings: number[] = []
    let rows = 0
    for (let query = 0; query < PAGE_QUERIES; query += 1) {
      const pageStarted = performance.now()
      rows = (await queryRegister(reader, filter)).items.length
      timings.push(performance.now() - pageStarted)
    }
    pages[name] = { ms: median(timings), rows }
  }
  await store.close()
  return { rebuild: { ...rebuilt, peakRssMb: rss, peakRssBeforeMb: rssBeforeRebuild, documents }, pages }
}

async function comparisonRate(place: Place, comparison: RebuildComparison, budgetSeconds: number): Promise<{ eventsPerSecond: number; caughtUp: boolean }> {
  const store = await open(place, false)
  const { eventsPerSecond, caughtUp } = await rebuildFromNothing(store, REBUILD_COMPARISONS[comparison], budgetSeconds)
  await store.close()
  return { eventsPerSecond, caughtUp }
}

/** The store's readAll from the start to the end, in pages of 500 as the runner reads, doing nothing with the events. */
async function readAllRate(place: Place): Promise<{ eventsPerSecond: number }> {
  const store = await open(place, false)
  const started = performance.now()
  let events = 0
  for await (const _event of store.events.readAll({ batchSize: 500 })) events += 1
  const seconds = (performance.now() - started) / 1000
  await store.close()
  return { eventsPerSecond: events / seconds }
}

/**
 * One phase per process, so the rebuild's peak RSS is not the seeding's. The
 * phases run this file bundled (as the side-by-side run's children do) in a
 * plain node, as an app runs the built packages: under tsx the process
 * carried the TypeScript compiler, some 60 MB before the rebuild began.
 */
function child(bundle: string, phase: string, place: Place, extra: string[]): unknown {
  const result = spawnSync(process.execPath, [bundle, `--phase=${phase}`, `--place=${JSON.stringify(place)}`, ...extra], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 24 })
  if (result.status !== 0) throw new Error(`${phase} on ${place.engine} failed (exit ${result.status})`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string)
}

async function placeFor(engine: Engine): Promise<Place> {
  if (engine === 'sqlite') {
    mkdirSync(folder, { recursive: true })
    const file = join(folder, `register-${Date.now()}.db`)
    return { engine, file }
  }
  const database = `kjbench_scale_${Date.now().toString(36)}`
  await withAdminClient(postgresTarget(), (client) => client.query(`create database "${database}"`))
  return { engine, database, schema: `${database}_ks` }
}

async function drop(place: Place): Promise<void> {
  if (place.engine === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(place.file + suffix)) rmSync(place.file + suffix)
    return
  }
  await withAdminClient(postgresTarget(), async (client) => {
    await client.query(`drop database if exists "${place.database}" with (force)`)
    await client.query(`drop role if exists "${place.schema}_app"`)
  })
}

const phase = flag('phase')
if (phase !== undefined) {
  const place = JSON.parse(flag('place') as string) as Place
  const budget = Number(flag('rebuild-budget'))
  const output =
    phase === 'seed'
      ? await seed(place, Number(flag('events')))
      : phase === 'readall'
        ? await readAllRate(place)
        : phase === 'comparison'
          ? await comparisonRate(place, flag('projection') as RebuildComparison, budget)
          : await rebuildAndPages(place, budget)
  process.stdout.write(`${JSON.stringify(output)}\n`)
} else if (flag('doc-only') !== undefined) {
  // The figures of the last run, written again (e.g. after the section's layout changed).
  writeDoc(JSON.parse(readFileSync(join(folder, 'latest.json'), 'utf8')) as { measuredAt: string; commit: string; results: ScaleResult[] })
} else {
  // The commit measured is the one the run starts on, as in the side-by-side run.
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repository, encoding: 'utf8' }).stdout.trim()
  const engines = (flag('engines') ?? 'sqlite,postgres').split(',') as Engine[]
  const events = Number(flag('events') ?? 1_000_000)
  const budget = Number(flag('rebuild-budget') ?? 900)
  const keep = flag('keep') !== undefined
  const withComparisons = flag('no-comparisons') === undefined
  const results: ScaleResult[] = []
  // Bundled next to where this file would be, so the paths it finds from import.meta.url are the same.
  const bundle = await buildChildBundle(join(packageRoot, 'results', 'scale-bundle'), new URL(import.meta.url), 'registerAtScale.mjs')
  for (const engine of engines) {
    const place = flag('reuse') === undefined ? await placeFor(engine) : (JSON.parse(flag('reuse') as string) as Place)
    try {
      const seeded = flag('reuse') === undefined ? (child(bundle, 'seed', place, [`--events=${events}`]) as { agreements: number; events: number; seconds: number }) : { agreements: Number.NaN, events: Number.NaN, seconds: 0 }
      process.stderr.write(`scale: ${engine} seeded ${seeded.agreements} agreements, ${seeded.events} events in ${Math.round(seeded.seconds)} s\n`)
      const readAll = child(bundle, 'readall', place, []) as { eventsPerSecond: number }
      const measured = child(bundle, 'measure', place, [`--rebuild-budget=${budget}`]) as Pick<ScaleResult, 'rebuild' | 'pages'>
      const comparisons: NonNullable<ScaleResult['comparisons']> = {}
      if (withComparisons) for (const comparison of Object.keys(REBUILD_COMPARISONS) as RebuildComparison[]) comparisons[comparison] = child(bundle, 'comparison', place, [`--projection=${comparison}`, `--rebuild-budget=${budget}`]) as { eventsPerSecond: number; caughtUp: boolean }
      const result: ScaleResult = { engine, agreements: seeded.agreements, events: seeded.events, seedSeconds: seeded.seconds, readAll, ...(withComparisons ? { comparisons } : {}), ...measured }
      process.stderr.write(`scale: ${JSON.stringify(result)}\n`)
      results.push(result)
    } finally {
      if (keep) process.stderr.write(`scale: kept ${JSON.stringify(place)}\n`)
      else await drop(place)
    }
  }
  mkdirSync(folder, { recursive: true })
  const run = { measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', commit, results }
  writeFileSync(join(folder, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`)
  if (flag('doc') !== undefined) writeDoc(run)
}

function writeDoc(run: { measuredAt: string; commit: string; results: ScaleResult[] }): void {
  const doc = join(repository, 'docs', 'performance.md')
  writeFileSync(doc, withScaleSection(readFileSync(doc, 'utf8'), run.results, run.measuredAt, run.commit))
  process.stderr.write('scale: wrote docs/performance.md\n')
}
