import { describeEventStoreContract, describeReadModelStoreContract, describeSnapshotStoreContract } from '@kerjasama/store-contract'
import type { ReadModelFixture, SnapshotFixture, StoreFixture } from '@kerjasama/store-contract'
import { openPostgresReadModelStore, openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, dropTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe } from 'vitest'

const postgres = await postgresAvailability()

// One pool for the file; every fixture (one per contract test) gets a schema
// of its own, so tests never see each other's events.
let shared: TestSchema | undefined
const pool = () => (shared as TestSchema).pool
const freshSchema = () => `${(shared as TestSchema).schema}_${randomBytes(3).toString('hex')}`

async function makeFixture(): Promise<StoreFixture> {
  const schema = freshSchema()
  return {
    open: (options = {}) => openPostgresStore({ ...options, pool: pool(), schema, settleTimeoutMs: 2000 }),
    tamper: async ({ tenant, streamId, version }) => {
      await pool().query(`update "${schema}".events set data = '{"tampered":true}'::json where tenant = $1 and stream_id = $2 and version = $3`, [
        tenant,
        streamId,
        version,
      ])
    },
    cleanup: () => dropTestSchema(pool(), schema),
  }
}

async function makeReadModelFixture(): Promise<ReadModelFixture> {
  const schema = freshSchema()
  return {
    open: (options = {}) => openPostgresReadModelStore({ ...options, pool: pool(), schema }),
    cleanup: () => dropTestSchema(pool(), schema),
  }
}

async function makeSnapshotFixture(): Promise<SnapshotFixture> {
  const schema = freshSchema()
  return {
    // The store's own snapshots; closing them closes the store, so the suite's R13 test covers both.
    open: async (options = {}) => {
      const store = await openPostgresStore({ ...options, pool: pool(), schema, notify: false })
      return { ...store.snapshots, close: () => store.close() }
    },
    cleanup: () => dropTestSchema(pool(), schema),
  }
}

describe.skipIf(!postgres.available)('PostgreSQL', () => {
  beforeAll(() => {
    shared = createTestSchema({ poolSize: 10 })
  })
  afterAll(() => shared?.cleanup())

  describeEventStoreContract('PostgreSQL', makeFixture, { numRuns: 8, concurrentWriters: 8, eventsPerWriter: 10 })
  describeReadModelStoreContract('PostgreSQL', makeReadModelFixture, { numRuns: 8 })
  describeSnapshotStoreContract('PostgreSQL', makeSnapshotFixture, { numRuns: 8 })
})
