import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
import { openSqliteStore } from '@kerjasama/store-sqlite'

export type RealStore = EventStore & { readModels: ReadModelStore; close(): Promise<void> }

/** One of the two real adapters, for `describe.each`: `open()` gives a fresh store, closed and removed after the block's tests. */
export type RealAdapter = { name: 'SQLite' | 'PostgreSQL'; available: boolean; open: () => Promise<RealStore> }

const postgresUp = (await postgresAvailability()).available

/**
 * SQLite (a file in a folder of its own under the system's temporary folder)
 * and PostgreSQL (a schema of its own per store; `available` is false where
 * no server answers, so the tests skip there, and CI requires it). Call it at
 * the top of a test file: every store it opens is closed, and its files and
 * schemas dropped, after all of that file's tests.
 */
export function realAdapters(prefix: string): RealAdapter[] {
  const folder = mkdtempSync(join(tmpdir(), `kerjasama-${prefix}-`))
  const opened: RealStore[] = []
  const schemas: TestSchema[] = []
  let files = 0
  afterAll(async () => {
    await Promise.allSettled(opened.map((store) => store.close()))
    await Promise.all(schemas.map((schema) => schema.cleanup()))
    rmSync(folder, { recursive: true, force: true })
  })
  const kept = (store: RealStore): RealStore => {
    opened.push(store)
    return store
  }
  return [
    { name: 'SQLite', available: true, open: async () => kept(openSqliteStore({ file: join(folder, `store-${(files += 1)}.db`) })) },
    {
      name: 'PostgreSQL',
      available: postgresUp,
      open: async () => {
        const schema = createTestSchema()
        schemas.push(schema)
        return kept(await openPostgresStore({ pool: schema.pool, schema: schema.schema }))
      },
    },
  ]
}
