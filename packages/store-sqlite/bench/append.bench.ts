import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import type { EventStore, NewEvent } from '@kerjasama/core'
import { openSqliteStore } from '../src/index'

// The four workloads the adapters are compared on (issue 3, "Built for
// speed"), on a real file in WAL mode at both durability levels.
const directory = mkdtempSync(join(tmpdir(), 'kerjasama-bench-'))
const metadata = { actor: { id: 'u-17', role: 'tkksd' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-15T08:00:00.000Z' }
const event = (index: number): NewEvent => ({ type: 'ActionCompleted', schemaVersion: 1, data: { agreementId: 'ks-1', actionId: `a-${index}`, evidence: 'BAST no. 12/2026', index }, metadata })
const batch = (size: number, from = 0): NewEvent[] => Array.from({ length: size }, (_, index) => event(from + index))

async function drain(iterable: AsyncIterable<unknown>): Promise<number> {
  let count = 0
  for await (const _ of iterable) count += 1
  return count
}

function open(name: string, durability: 'full' | 'normal'): EventStore {
  return openSqliteStore({ file: join(directory, `${name}.db`), durability })
}

const full = open('command-full', 'full')
const normal = open('command-normal', 'normal')
let commandCounter = 0

// The command path: load the agreement's stream (a few events), then append one at the version read.
async function commandPath(store: EventStore): Promise<void> {
  commandCounter += 1
  const streamId = `agreement-${commandCounter % 200}`
  let version = 0
  for await (const stored of store.readStream(streamId)) version = stored.version
  await store.append(streamId, [event(version)], { expectedVersion: version })
}

describe('command path: read the stream, append one event', () => {
  bench('durability full', () => commandPath(full), { time: 1500 })
  bench('durability normal', () => commandPath(normal), { time: 1500 })
})

const batches = open('batches', 'full')
let batchStream = 0
describe('batch append: 100 events in one append', () => {
  bench('durability full', async () => {
    batchStream += 1
    await batches.append(`batch-${batchStream}`, batch(100), { expectedVersion: 'none' })
  }, { time: 1500 })
})

const history = open('history', 'normal')
for (let index = 0; index < 10; index += 1) await history.append('agreement-long', batch(1000, index * 1000), { expectedVersion: index * 1000 })
// Other tenants' and streams' events interleaved, as in a real file.
for (let index = 0; index < 40; index += 1) await history.append(`other-${index}`, batch(1000), { expectedVersion: 'none' })

describe('rehydrate: read a 10,000-event stream', () => {
  bench('readStream 10,000 events', async () => {
    await drain(history.readStream('agreement-long'))
  }, { time: 2000, iterations: 5 })
})

describe('global catch-up: readAll of 50,000 events', () => {
  bench('readAll, batchSize 500', async () => {
    await drain(history.readAll({ batchSize: 500 }))
  }, { time: 2000, iterations: 3 })
})
