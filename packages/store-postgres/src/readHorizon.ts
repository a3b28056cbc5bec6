import type { Pool } from 'pg'
import type { SchemaNames } from './schemaName'

/**
 * R5 on PostgreSQL: why readAll never skips an event that commits late.
 *
 * The trap. Positions come from a sequence, and nextval is handed out before
 * commit. Writer A takes position 7, writer B takes 8 and commits first. A
 * reader that delivers "everything after 6" sees 8, moves its checkpoint to 8,
 * and when A commits 7 a moment later nobody will ever deliver it. Reading
 * "up to the highest visible position" is wrong, and so is skipping gaps.
 *
 * What we do instead: a reader only delivers positions up to a *settled
 * horizon* S — a position such that every transaction that owns, or will
 * ever own, a position <= S has ended (committed or rolled back). Below S a
 * missing position is gone for good (a rollback, a failed append), and the
 * rows that are there never change, so the reader delivers them in order and
 * steps over the holes without waiting.
 *
 * How S is found, without serialising the writers. append_events, in order:
 *  a. reads the sequence's current value and takes a shared advisory lock
 *     keyed by the next number, g: a lower bound of every position it can
 *     get (the sequence only grows: CACHE 1, NO CYCLE), posted where every
 *     session sees it (pg_locks) although nothing is committed yet;
 *  b. takes a ROW EXCLUSIVE lock on the events table. That mode never blocks
 *     another writer (only SHARE and stronger conflict with it), and
 *     PostgreSQL holds locks to the end of the transaction, releasing them
 *     only AFTER its commit or abort is visible to new snapshots;
 *  c. only then takes its positions, all >= g, as one contiguous block: the
 *     sequence moves from the previous block's end to this one's in a single
 *     setval, taken in turn under a short lock (migration 6). So the value
 *     anyone reads from the sequence — H below, or a writer's g - 1 — is
 *     always the end of a whole append, and a horizon never cuts an append
 *     in two: a readAll ends between appends (R1).
 *
 * read_horizon() reads, in this order, the sequence's last value H and one
 * consistent copy of pg_locks. Any transaction owning a position <= H took
 * it before H was read, so it held the lock of (b) before pg_locks was
 * read: it is listed there as a writer, or it has ended. Every listed writer
 * of ours posted its bound g before (b), so it owns nothing below g. Hence
 * S = min(H, lowest posted g - 1) is settled, and a query run afterwards sees
 * exactly the final rows <= S. A transaction that takes positions after H was
 * read gets a position > H, so writers that start later never matter.
 *
 * So writers never wait for readers or for one another (beyond two appends
 * to one stream, which must take turns anyway), and readers never wait for a
 * writer to commit: an append held open (a stuck client, a test doing it on
 * purpose) only stops delivery at its own position; the reader ends its
 * readAll there and a tailing caller resumes from its last position. Only
 * writers to THIS schema's events table count, so long transactions elsewhere
 * on the server do not slow readers down — unlike a pg_snapshot_xmin
 * barrier, which waits for every transaction on the cluster. Anything else
 * holding ROW EXCLUSIVE on events without posting a bound (an UPDATE typed in
 * psql and left open) could own nothing we know of, yet it is treated as a
 * writer of unknown positions: the reader asks again after a short pause, up
 * to `settleTimeoutMs`, after which readAll ends for now.
 *
 * The cost: one round trip each time a reader runs past its horizon, a scan
 * of the in-memory lock table when it does, and one advisory lock per append.
 */
export type Horizon = { position: bigint; settled: boolean }

type HorizonRow = { horizon: string; in_flight: number; unposted: number; lowest_in_flight: string | null }

export async function settleHorizon(pool: Pool, names: SchemaNames, timeoutMs: number): Promise<Horizon> {
  const deadline = Date.now() + timeoutMs
  let delay = 1
  for (;;) {
    const result = await pool.query<HorizonRow>({ name: `${names.schema}.horizon`, text: `select * from ${names.q('read_horizon')}()` })
    const row = result.rows[0]
    const horizon = BigInt(row?.horizon ?? '0')
    if (row === undefined || row.unposted === 0) {
      const lowest = row?.lowest_in_flight
      const position = lowest === null || lowest === undefined ? horizon : minBigInt(horizon, BigInt(lowest) - 1n)
      return { position, settled: true }
    }
    if (Date.now() >= deadline) return { position: horizon, settled: false }
    await new Promise((resolve) => setTimeout(resolve, delay))
    delay = Math.min(delay * 2, 20)
  }
}

function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}
