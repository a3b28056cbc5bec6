/**
 * Read-side benchmark (issue "The read side", Scale): a rebuild of the
 * register over ~1,000,000 events against the adapter's raw readAll rate and
 * the process's peak RSS, and a filtered register page over 50,000
 * agreements. Run: pnpm --filter @kerjasama/projections bench [-- --quick] [-- --adapter sqlite|postgres]
 * Each adapter is measured in its own child process, so RSS is that build's alone.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { builtInReader, createProjectionRunner, defineProjection, queryRegister, registerProjection } from '../src'
import type { Projection } from '../src'
import { writeAgreementHistories } from './agreementHistories'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const agreements = quick ? 5_000 : 50_000

type Opened = { events: EventStore; readModels: ReadModelStore; cleanup: () => Promise<void> }

async function open(adapter: string): Promise<Opened> {
  if (adapter === 'sqlite') {
    const { openSqliteStore } = await import('@kerjasama/store-sqlite')
    const directory = mkdtempSync(join(tmpdir(), 'kerjasama-readside-'))
    const store = openSqliteStore({ file: join(directory, 'bench.db'), durability: 'normal' })
    return { events: store, readModels: store.readModels, cleanup: async () => { await store.close(); rmSync(directory, { recursive: true, force: true }) } }
  }
  const { openPostgresStore } = await import('@kerjasama/store-postgres')
  const { createTestSchema } = await import('@kerjasama/store-postgres/testing')
  const test = createTestSchema()
  const store = await openPostgresStore({ pool: test.pool, schema: test.schema })
  return { events: store, readModels: store.readModels, cleanup: async () => { await store.close(); await test.cleanup() } }
}

// The runner's own cost: one small document per stream type, so the rate
// shows batching, checkpoints and the store, not the agreement fold.
const countingProjection = defineProjection({
  name: 'bench-counts',
  version: 1,
  async apply(event, tx) {
    const type = event.streamId.split('-')[0] as string
    const previous = (await tx.get('counts', type)) as { events: number } | undefined
    await tx.put('counts', type, { events: (previous?.events ?? 0) + 1 })
  },
})

async function rebuildSeconds(opened: Opened, projection: Projection): Promise<number> {
  const runner = createProjectionRunner({ eventStore: opened.events, readModels: opened.readModels, projections: [projection], batchSize: 500 })
  const started = performance.now()
  await runner.catchUp()
  return (performance.now() - started) / 1000
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

async function measure(adapter: string): Promise<void> {
  const opened = await open(adapter)
  try {
    const total = await writeAgreementHistories(opened.events, agreements)
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 50)
    const rawStart = performance.now()
    let raw = 0
    for await (const _event of opened.events.readAll({ batchSize: 500 })) raw += 1
    const rawSeconds = (performance.now() - rawStart) / 1000
    const rssBeforeRebuild = process.memoryUsage().rss
    peakRss = rssBeforeRebuild
    const countingSeconds = await rebuildSeconds(opened, countingProjection)
    const buildSeconds = await rebuildSeconds(opened, registerProjection)
    clearInterval(sampler)
    const reader = builtInReader(opened.readModels, [registerProjection])
    const timings: number[] = []
    for (let round = 0; round < 30; round += 1) {
      const started = performance.now()
      await queryRegister(reader, { region: '33.05', stage: 'evaluated', limit: 50 })
      timings.push(performance.now() - started)
    }
    const page = await queryRegister(reader, { region: '33.05', stage: 'evaluated', limit: 50 })
    console.log(JSON.stringify({
      adapter,
      agreements,
      events: total,
      rawReadAllEventsPerSecond: Math.round(raw / rawSeconds),
      runnerOnlyEventsPerSecond: Math.round(total / countingSeconds),
      runnerOnlyShareOfRaw: Math.round((total / countingSeconds / (raw / rawSeconds)) * 100) / 100,
      rebuildEventsPerSecond: Math.round(total / buildSeconds),
      rebuildShareOfRaw: Math.round((raw / rawSeconds === 0 ? 0 : (total / buildSeconds) / (raw / rawSeconds)) * 100) / 100,
      rebuildSeconds: Math.round(buildSeconds * 10) / 10,
      peakRssMb: Math.round(peakRss / 1048576),
      filteredPageMedianMs: Math.round(median(timings) * 100) / 100,
      filteredPageItems: page.items.length,
    }))
  } finally {
    await opened.cleanup()
  }
}

const only = args.find((arg) => arg.startsWith('--adapter='))?.slice('--adapter='.length)
if (only !== undefined) {
  await measure(only)
} else {
  for (const adapter of ['sqlite', 'postgres']) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--adapter=${adapter}`, ...(quick ? ['--quick'] : [])], { stdio: 'inherit', env: process.env })
    if (child.status !== 0) process.exitCode = 1
  }
}
