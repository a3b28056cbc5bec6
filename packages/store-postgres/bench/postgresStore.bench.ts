import type { NewEvent } from '@kerjasama/core'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, bench, describe } from 'vitest'

/**
 * The four workloads the adapters are compared on (issue 3, "Built for
 * speed"): the command path, batch appends, rehydrating a 10,000-event stream
 * and a global catch-up read. Kept short; run with `pnpm bench`.
 */
const postgres = await postgresAvailability()

function sample(n: number): NewEvent {
  return {
    type: 'ActionCompleted',
    schemaVersion: 1,
    data: { agreementId: 'a-1', actionId: `act-${n}`, evidence: 'foto serah terima dan berita acara', output: { unit: 'ton', amount: n } },
    metadata: { actor: { id: 'u-17', role: 'opd' }, correlationId: `c-${n}`, causationId: `c-${n}`, recordedAt: '2026-01-01T00:00:00.000Z' },
  }
}

const ready = postgres.available
  ? (async () => {
      const schema = createTestSchema({ poolSize: 4 })
      const store = await openPostgresStore({ pool: schema.pool, schema: schema.schema, tenant: '33.05' })
      for (let start = 0; start < 10_000; start += 1000) {
        await store.append('agreement-long', Array.from({ length: 1000 }, (_, i) => sample(start + i)), { expectedVersion: 'any' })
      }
      for (let i = 0; i < 50; i += 1) await store.append(`agreement-${i}`, [sample(i), sample(i)], { expectedVersion: 'none' })
      // The raw-driver baseline: the same rows in a plain table, no functions, no row-level security.
      await schema.pool.query(`create table "${schema.schema}".raw_events as select position, tenant, stream_id, version, event_id, type, schema_version, data, metadata, hash from "${schema.schema}".events`)
      await schema.pool.query(`alter table "${schema.schema}".raw_events add primary key (position)`)
      await schema.pool.query(`create unique index on "${schema.schema}".raw_events (tenant, stream_id, version)`)
      return { schema, store }
    })()
  : undefined
const setup = ready === undefined ? undefined : await ready

afterAll(async () => {
  await setup?.store.close()
  await setup?.schema.cleanup()
})

describe.skipIf(setup === undefined)('PostgreSQL store', () => {
  const store = () => (setup as NonNullable<typeof setup>).store
  let n = 0

  bench(
    'command path: read a short stream, append one event at its version',
    async () => {
      n += 1
      const streamId = `agreement-${n % 50}`
      let version = 0
      for await (const stored of store().readStream(streamId)) version = stored.version
      await store().append(streamId, [sample(n)], { expectedVersion: version })
    },
    { time: 1500 },
  )

  bench(
    'batch append: 100 events in one append',
    async () => {
      n += 1
      await store().append(`agreement-batch-${n}`, Array.from({ length: 100 }, (_, i) => sample(i)), { expectedVersion: 'none' })
    },
    { time: 1500 },
  )

  bench(
    'rehydrate a 10,000-event stream',
    async () => {
      let count = 0
      for await (const _ of store().readStream('agreement-long', { toVersion: 10_000 })) count += 1
      if (count !== 10_000) throw new Error(`read ${count} events`)
    },
    { time: 1500, iterations: 3 },
  )

  bench(
    'global catch-up read of the first 10,000 events',
    async () => {
      let count = 0
      for await (const _ of store().readAll({ batchSize: 1000 })) {
        count += 1
        if (count === 10_000) break
      }
    },
    { time: 1500, iterations: 3 },
  )

  const raw = async (sql: string, values: unknown[]): Promise<Array<Record<string, string>>> => {
    const { schema } = setup as NonNullable<typeof setup>
    return (await schema.pool.query(sql.replaceAll('$schema', `"${schema.schema}"`), values)).rows
  }

  bench(
    'raw driver baseline: rehydrate the same 10,000 rows (plain SELECT, JSON.parse)',
    async () => {
      let from = 0
      for (;;) {
        const rows = await raw(
          'select position, version, event_id, type, data::text as data, metadata::text as metadata, hash from $schema.raw_events where tenant = $1 and stream_id = $2 and version > $3 order by version limit 1000',
          ['33.05', 'agreement-long', from],
        )
        for (const row of rows) {
          JSON.parse(row.data as string)
          JSON.parse(row.metadata as string)
        }
        if (rows.length < 1000) break
        from += 1000
      }
    },
    { time: 1500, iterations: 3 },
  )

  bench(
    'raw driver baseline: catch-up read of the same 10,000 rows',
    async () => {
      let from = 0n
      for (let read = 0; read < 10_000; read += 1000) {
        const rows = await raw('select position, tenant, stream_id, version, event_id, type, data::text as data, metadata::text as metadata, hash from $schema.raw_events where position > $1 order by position limit 1000', [String(from)])
        for (const row of rows) {
          JSON.parse(row.data as string)
          JSON.parse(row.metadata as string)
        }
        from = BigInt((rows.at(-1) as Record<string, string>).position as string)
      }
    },
    { time: 1500, iterations: 3 },
  )
})
