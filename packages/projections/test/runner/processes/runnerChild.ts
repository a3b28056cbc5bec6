/**
 * One app instance running the projection runner live, for the multi-process
 * tests: `runnerChild.ts sqlite <file> <holderId> <leaseTtlMs>` or
 * `runnerChild.ts postgres <schema> <holderId> <leaseTtlMs>` (connection from
 * the PG* variables; its own pool). It prints "started", and stops cleanly
 * when its stdin says "stop" — unless it is killed first, which is the point.
 */
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { createProjectionRunner } from '../../../src'
import { countingProjection } from '../support/countingProjection'

const [adapter, target, holderId, ttl] = process.argv.slice(2) as [string, string, string, string]

async function open(): Promise<EventStore & { readModels: ReadModelStore }> {
  if (adapter === 'sqlite') return openSqliteStore({ file: target })
  if (adapter === 'postgres') return openPostgresStore({ schema: target, poolSize: 3 })
  throw new Error(`unknown adapter ${adapter}`)
}

const store = await open()
const runner = createProjectionRunner({
  eventStore: store,
  readModels: store.readModels,
  projections: [countingProjection()],
  holderId,
  leaseTtlMs: Number(ttl),
  pollIntervalMs: 20,
  batchSize: 25,
})
await runner.start()
process.stdout.write('started\n')

process.stdin.setEncoding('utf8')
process.stdin.on('data', async (text: string) => {
  if (!text.split('\n').includes('stop')) return
  await runner.stop()
  await store.close()
  process.exit(0)
})
