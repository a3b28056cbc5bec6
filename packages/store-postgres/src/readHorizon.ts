import type { Pool } from 'pg'
import type { SchemaNames } from './schemaName'

/**
 * R5 on PostgreSQL: why readAll never skips an event that commits late.
 *
 * The trap. Positions come from a sequence, and nextval is handed out before
 * commit. Writer A takes position 7, writer B takes 8 and commits first. A
 * reader that delivers "everything after 6" sees 8, moves its checkpoint to 8,
 * and when A commits 7 a moment later nobody will ever deliver it. Reading
 * "up to the highest position" is wrong, and so is skipping gaps.
 *
 * What we do instead: a reader only delivers positions up to a *horizon* H
 * that is settled — every transaction that took, or ever will take, a
 * position <= H has ended (committed or rolled back). Below a settled horizon
 * a missing position is gone for good (a rollback or a failed append), and
 * the rows that are there will never change, so the reader can deliver them
 * in order and skip the holes without waiting for them.
 *
 * How H is settled, without serialising the writers:
 *  1. append_events takes a ROW EXCLUSIVE lock on the events table BEFORE it
 *     calls nextval. That lock mode never blocks another writer (only SHARE
 *     and stronger conflict with it), and PostgreSQL keeps relation locks
 *     until the transaction ends — releasing them only AFTER the commit or
 *     abort is visible to new snapshots.
 *  2. read_horizon() reads the sequence's last value H first, then the list V
 *     of transactions holding that lock (pg_locks, fast-path locks included).
 *     Any transaction that owns a position <= H called nextval before we read
 *     H, so it held the lock before we read V: it is in V, or it has already
 *     ended. A transaction not in V that starts later gets a position > H,
 *     because the sequence only grows (CACHE 1, NO CYCLE).
 *  3. The reader polls until none of V still holds the lock. From then on,
 *     every owner of a position <= H has ended and its outcome is visible, so
 *     a query run afterwards sees exactly the final set of rows <= H.
 *
 * Writers never wait for readers or for each other (beyond two appends to
 * the same stream, which must serialise anyway). A reader waits at most for
 * the appends in flight when it looked — usually a millisecond or two. A
 * transaction held open on the events table (a stuck client, a test that
 * holds one on purpose) holds the horizon back; after `settleTimeoutMs` the
 * reader gives up for now and readAll ends, so a tailing caller resumes from
 * its last position and nothing past the open transaction is delivered early.
 * Only writers to THIS schema's events table count, so long transactions
 * elsewhere on the server do not slow readers down, unlike a
 * pg_snapshot_xmin barrier, which waits for every transaction on the cluster.
 *
 * The cost: one extra round trip each time the reader runs past its horizon,
 * and a scan of pg_locks (shared memory, no disk) when it does.
 */
export type Horizon = { position: bigint; settled: boolean }

export async function settleHorizon(pool: Pool, names: SchemaNames, timeoutMs: number): Promise<Horizon> {
  const first = await pool.query<{ horizon: string; in_flight: string[] }>(`select horizon, in_flight from ${names.q('read_horizon')}()`)
  const row = first.rows[0]
  const position = BigInt(row?.horizon ?? '0')
  const inFlight = row?.in_flight ?? []
  if (inFlight.length === 0) return { position, settled: true }
  const deadline = Date.now() + timeoutMs
  let delay = 1
  for (;;) {
    const check = await pool.query<{ count: number }>(`select ${names.q('still_in_flight')}($1) as count`, [inFlight])
    if ((check.rows[0]?.count ?? 0) === 0) return { position, settled: true }
    if (Date.now() >= deadline) return { position, settled: false }
    await new Promise((resolve) => setTimeout(resolve, delay))
    delay = Math.min(delay * 2, 50)
  }
}
