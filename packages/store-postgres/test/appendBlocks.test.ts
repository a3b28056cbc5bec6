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
