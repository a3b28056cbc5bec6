import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

const WRITERS = 6
const APPENDS_PER_WRITER = 6
const BATCH = 60
const TAILED_APPENDS_PER_WRITER = 25

function batch(append: string): ReturnType<typeof event>[] {
  return Array.from({ length: BATCH }, (_, index) => event('Bagian', { append, index }))
}

describe.skipIf(!postgres.available)('PostgreSQL appends take whole blocks of positions (R1, migration 6)', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('R1 appends committing at once each take one contiguous block of positions', async () => {
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => stores.open({ tenant: 'blok', notify: false })))
    const results = await Promise.all(writers.map(async (writer, w) => {
      const spans: Array<{ first: bigint; last: bigint }> = []
      for (let a = 0; a < APPENDS_PER_WRITER; a += 1) {
        const result = await writer.append(`contiguous-${w}`, batch(`w${w}-a${a}`), { expectedVersion: a * BATCH })
        spans.push({ first: result.firstPosition, last: result.lastPosition })
      }
      return spans
    }))
    const spans = results.flat().sort((a, b) => (a.first < b.first ? -1 : 1))
    for (const span of spans) expect(span.last - span.first + 1n).toBe(BigInt(BATCH))
    for (let i = 1; i < spans.length; i += 1) expect((spans[i] as { first: bigint }).first).toBeGreaterThan((spans[i - 1] as { last: bigint }).last)
  })

  it('R1 every horizon a reader can compute, sampled while appends commit, falls between two appends', async () => {
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => stores.open({ tenant: 'tepi', notify: false })))
    const { pool, schema } = stores.schema()
    const sampler = await pool.connect()
    const before = await sampler.query<{ horizon: string }>(`select horizon from "${schema}".read_horizon()`)
    const appendEnds = new Set<bigint>([BigInt(before.rows[0]?.horizon ?? '0')])
    let writing = true
    const sampled = new Set<bigint>()
    const samplerLoop = (async () => {
      while (writing) {
        const { rows } = await sampler.query<{ horizon: string; lowest_in_flight: string | null }>(`select horizon, lowest_in_flight from "${schema}".read_horizon()`)
        const row = rows[0] as { horizon: string; lowest_in_flight: string | null }
        sampled.add(BigInt(row.horizon))
        if (row.lowest_in_flight !== null) sampled.add(BigInt(row.lowest_in_flight) - 1n)
      }
    })()
    try {
      await Promise.all(writers.map(async (writer, w) => {
        for (let a = 0; a < TAILED_APPENDS_PER_WRITER; a += 1) {
          const result = await writer.append(`edge-${w}`, batch(`w${w}-a${a}`), { expectedVersion: a * BATCH })
          appendEnds.add(result.lastPosition)
        }
      }))
    } finally {
      writing = false
      await samplerLoop
      sampler.release()
    }
    const inside = [...sampled].filter((position) => !appendEnds.has(position))
    expect(inside).toEqual([])
    expect(sampled.size).toBeGreaterThan(WRITERS)
  })
})

describe.skipIf(!postgres.available)('PostgreSQL: the turn appends take for positions is never left held', () => {
  const turns = testStores()
  beforeAll(() => turns.setup())
  afterAll(() => turns.teardown())

  /** The session-level advisory locks (two-int keys) a backend holds: the positions turn is one of them. */
  async function sessionLocksOf(pid: number): Promise<number> {
    const { rows } = await turns.schema().pool.query<{ n: number }>(
      `select count(*)::int as n from pg_locks where locktype = 'advisory' and objsubid = 2 and granted and pid = $1`,
      [pid],
    )
    return rows[0]?.n ?? 0
  }

  it('an append cancelled while it waits for its turn, and one that fails while it holds it, leave the turn free for the next', async () => {
    const { pool, schema } = turns.schema()
    const store = await turns.open({ tenant: 'giliran', notify: false })
    await store.append('giliran-1', [event('Pertama')], { expectedVersion: 'none' })
    const holder = await pool.connect()
    const writer = await pool.connect()
    try {
      const writerPid = (await writer.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number
      // Hold the turn from another session, as a slow append would, so the writer's append has to wait for it.
      await holder.query(`select pg_advisory_lock(${0x4b4a5031}, hashtext($1))`, [schema])
      await writer.query(`set statement_timeout = 150`)
      const metadata = JSON.stringify(event('Tertahan').metadata)
      const call = `select last_position from "${schema}".append_events($1, $2, 'any', null, array[$3], array['Tertahan'], array[1], array['{}'], array[$4], false)`
      await expect(writer.query(call, ['giliran', 'giliran-2', 'held-1', metadata])).rejects.toMatchObject({ code: '57014' })
      await holder.query(`select pg_advisory_unlock(${0x4b4a5031}, hashtext($1))`, [schema])
      expect(await sessionLocksOf(writerPid)).toBe(0)
      // Refused while it holds the turn: the block would run past the sequence's last value, so setval fails inside it.
      await writer.query(`set statement_timeout = 0`)
      await pool.query(`select setval('"${schema}".event_position', 9223372036854775806)`)
      const twoEvents = `select last_position from "${schema}".append_events($1, $2, 'any', null, array[$3, $4], array['A', 'B'], array[1, 1], array['{}', '{}'], array[$5, $5], false)`
      await expect(writer.query(twoEvents, ['giliran', 'giliran-3', 'over-1', 'over-2', metadata])).rejects.toMatchObject({ code: '22003' })
      expect(await sessionLocksOf(writerPid)).toBe(0)
      await pool.query(`select setval('"${schema}".event_position', 1000)`)
      const next = await store.append('giliran-1', [event('Berikutnya')], { expectedVersion: 1 })
      expect(next.nextExpectedVersion).toBe(2)
    } finally {
      holder.release()
      writer.release()
    }
  })
})
