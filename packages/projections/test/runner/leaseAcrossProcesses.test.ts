import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { openMemoryReadModelStore } from '@kerjasama/store-memory'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { finished, printed, spawnChild } from './processes/spawnChild'

type Store = EventStore & { readModels: ReadModelStore }
const LEASE_TTL_MS = 1000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`)
    await sleep(10)
  }
}

const streams = (count: number, offset: number) => Array.from({ length: count }, (_, n) => `${['agreement', 'partner', 'region'][(n + offset) % 3]}-${(n + offset) % 7}`)

/**
 * Two app instances, each a process of its own, run the runner live on one
 * database while events keep arriving; the holder is killed with SIGKILL
 * (no stop, no release); the other must take over within the lease time and
 * finish with exactly the documents a clean build gives.
 */
async function killTheHolder(parent: Store, childArgs: (holderId: string) => string[]): Promise<void> {
  const holderOf = async () => (await parent.readModels.leaseOf('projection:counts'))?.holder
  await appendTo(parent, streams(300, 0))
  const a = spawnChild('./runnerChild.ts', childArgs('instance-a'))
  const aExit = finished(a)
  await Promise.race([printed(a, 'started'), aExit])
  await eventually(async () => (await holderOf()) === 'instance-a', 20_000, 'instance a holds the lease')
  const b = spawnChild('./runnerChild.ts', childArgs('instance-b'))
  const bExit = finished(b)
  await Promise.race([printed(b, 'started'), bExit])

  for (let round = 0; round < 5; round += 1) {
    await appendTo(parent, streams(20, round))
    await sleep(40)
  }
  expect(await holderOf()).toBe('instance-a')

  // Strike while a is at work: events are still arriving and it has begun on them.
  const burstFrom = await parent.readModels.getCheckpoint('counts@1.0')
  const during = appendTo(parent, streams(200, 3))
  await eventually(async () => (await parent.readModels.getCheckpoint('counts@1.0')) > burstFrom, 20_000, 'instance a works on the burst')
  a.kill('SIGKILL')
  const killedAt = Date.now()
  await aExit
  await eventually(async () => (await holderOf()) === 'instance-b', 10_000, 'instance b takes over')
  const takeover = Date.now() - killedAt
  // The lease runs out at most its time to live after the last heartbeat; b retries every 20 ms. Room for a busy machine on top.
  expect(takeover).toBeLessThan(LEASE_TTL_MS + 500)
  await during
  const last = await appendTo(parent, streams(40, 5))
  await eventually(async () => (await parent.readModels.getCheckpoint('counts@1.0')) === last, 20_000, 'instance b catches up')
  b.stdin?.end('stop\n')
  await bExit

  const clean = openMemoryReadModelStore()
  await createProjectionRunner({ eventStore: parent, readModels: clean, projections: [countingProjection()] }).catchUp()
  const documents = await documentsOf(readerFor(parent.readModels, countingProjection()), 'counts')
  expect(documents).toEqual(await documentsOf(readerFor(clean, countingProjection()), 'counts'))
  expect(documents).toEqual(referenceCounts(await everyEvent(parent)))
}

describe('SQLite: two runner processes on one file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kerjasama-runner-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('P8 kill -9 the lease holder: the other process takes over within the lease time, and the read model equals a clean build', async () => {
    const file = join(folder, 'runner.db')
    const parent = openSqliteStore({ file })
    try {
      await killTheHolder(parent, (holderId) => ['sqlite', file, holderId, String(LEASE_TTL_MS)])
    } finally {
      await parent.close()
    }
  }, 90_000)
})

const postgres = await postgresAvailability()

describe.skipIf(!postgres.available)('PostgreSQL: two runner instances, each a process with its own pool', () => {
  let schema: TestSchema | undefined
  afterAll(async () => schema?.cleanup())

  it('P8 kill -9 the lease holder: the other instance takes over within the lease time, and the read model equals a clean build', async () => {
    schema = createTestSchema()
    const parent = await openPostgresStore({ pool: schema.pool, schema: schema.schema })
    try {
      await killTheHolder(parent, (holderId) => ['postgres', (schema as TestSchema).schema, holderId, String(LEASE_TTL_MS)])
    } finally {
      await parent.close()
    }
  }, 90_000)
})
