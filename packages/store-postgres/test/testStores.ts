import type { NewEvent } from '@kerjasama/core'
import { openPostgresStore } from '@kerjasama/store-postgres'
import type { PostgresStore, PostgresStoreOptions } from '@kerjasama/store-postgres'
import { createTestSchema } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'

/** One schema per test file; every store opened here shares it and is closed before the schema is dropped. */
export function testStores(): {
  schema: () => TestSchema
  open: (options?: Omit<PostgresStoreOptions, 'pool' | 'schema'>) => Promise<PostgresStore>
  setup: () => void
  teardown: () => Promise<void>
} {
  let current: TestSchema | undefined
  const opened: PostgresStore[] = []
  return {
    schema: () => {
      if (current === undefined) throw new Error('testStores().setup() was not called')
      return current
    },
    setup: () => {
      current = createTestSchema()
    },
    open: async (options = {}) => {
      const schema = current as TestSchema
      const store = await openPostgresStore({ ...options, pool: schema.pool, schema: schema.schema })
      opened.push(store)
      return store
    },
    teardown: async () => {
      await Promise.allSettled(opened.map((store) => store.close()))
      await current?.cleanup()
    },
  }
}

export function event(type: string, data: unknown = { n: 1 }): NewEvent {
  return {
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'u-1', role: 'opd' }, correlationId: 'c-1', causationId: 'c-1', recordedAt: '2026-01-01T00:00:00.000Z' },
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}
