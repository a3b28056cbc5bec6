import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collect, event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

type Op = { kind: 'hold' } | { kind: 'append' } | { kind: 'read' } | { kind: 'finish'; which: number; commit: boolean }

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'hold' }),
  fc.constant<Op>({ kind: 'append' }),
  fc.constant<Op>({ kind: 'read' }),
  fc.record({ kind: fc.constant('finish' as const), which: fc.nat(3), commit: fc.boolean() }),
)

type Held = { client: pg.Client; position: bigint; id: string }

describe.skipIf(!postgres.available)('PostgreSQL readAll against any interleaving of late commits (R5)', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('for all interleavings of held appends, commits, rollbacks and reads: the reader never passes an open append, and in the end sees every committed event once, in order', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), async (ops, endings) => {
        run += 1
        const tenant = `property-${run}`
        const { schema } = stores.schema()
        const store = await stores.open({ tenant, settleTimeoutMs: 50 })
        const open: Held[] = []
        const committed: Array<{ id: string; position: bigint }> = []
        const delivered: Array<{ id: string; position: bigint }> = []
        let next = 1n
        let n = 0
        const read = async (): Promise<void> => {
          for (const stored of await collect(store.readAll({ fromPosition: next, batchSize: 2 }))) {
            delivered.push({ id: stored.id, position: stored.position })
            next = stored.position + 1n
          }
          const lowestOpen = open.reduce<bigint | undefined>((low, held) => (low === undefined || held.position < low ? held.position : low), undefined)
          if (lowestOpen !== undefined) expect(next <= lowestOpen).toBe(true)
        }
        const finish = async (held: Held, commit: boolean): Promise<void> => {
          open.splice(open.indexOf(held), 1)
          await held.client.query(commit ? 'commit' : 'rollback')
          await held.client.end()
          if (commit) committed.push({ id: held.id, position: held.position })
        }
        try {
          for (const op of ops) {
            n += 1
            const id = `${tenant}-e${n}`
            if (op.kind === 'hold' && open.length < 3) {
              const client = new pg.Client()
              await client.connect()
              await client.query('begin')
              const result = await client.query<{ last_position: string }>(
                `select last_position from "${schema}".append_events($1, $2, 'any', null, array[$3], array['Held'], array[1], array['{}'], array[$4], false)`,
                [tenant, `agreement-${id}`, id, JSON.stringify(event('Held').metadata)],
              )
              open.push({ client, position: BigInt(result.rows[0]?.last_position ?? '0'), id })
            } else if (op.kind === 'append') {
              const result = await store.append(`agreement-${id}`, [{ ...event('Committed'), id }], { expectedVersion: 'none' })
              committed.push({ id, position: result.firstPosition })
            } else if (op.kind === 'finish' && open.length > 0) {
              await finish(open[op.which % open.length] as Held, op.commit)
            } else {
              await read()
            }
          }
          for (const [index, held] of [...open].entries()) await finish(held, endings[index] ?? true)
          await read()
          committed.sort((a, b) => (a.position < b.position ? -1 : 1))
          expect(delivered).toEqual(committed)
        } finally {
          for (const held of open) await held.client.end().catch(() => undefined)
        }
      }),
      { numRuns: 12 },
    )
  })
})
