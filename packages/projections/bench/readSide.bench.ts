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
import { builtInReader, createProjectionRunner, queryRegister, registerProjection } from '../src'
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
    const runner = createProjectionRunner({ eventStore: opened.events, readModels: opened.readModels, projections: [registerProjection], batchSize: 500 })
    const buildStart = performance.now()
    await runner.catchUp()
    const buildSeconds = (performance.now() - buildStart) / 1000
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
