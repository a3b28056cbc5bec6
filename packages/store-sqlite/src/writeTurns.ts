import { performance } from 'node:perf_hooks'
import type Database from 'better-sqlite3'
import { StoreUnavailable } from '@kerjasama/core'
import { isSqliteError, toStoreError } from './sqliteErrors'
import { writerQueue } from './writerQueue'
import type { WriterTicket } from './writerQueue'

/**
 * Every write to the file (an append, a read-model commit) takes its turn at
 * SQLite's single write lock here.
 *
 * Why not SQLite's own busy handler: it sleeps between tries in growing steps
 * (1, 2, 5 … 100 ms) inside the synchronous driver call, so a waiting process
 * cannot run anything else, and whoever happens to try when the lock comes
 * free wins it. A process appending back to back takes the lock again a few
 * microseconds after releasing it, while a waiter asleep for 100 ms keeps
 * missing it: most appends take a fraction of a millisecond, a few take
 * seconds, and some give up after the busy timeout although the file was
 * never stuck.
 *
 * Instead: when nobody waits, a write tries the lock at once without waiting
 * (busy_timeout 0), which costs the uncontended path one existsSync and two
 * PRAGMA statements, a few microseconds against a few hundred for the
 * append itself. When the lock is taken, or someone already waits, the
 * write lines up in the writerQueue shared by all processes on the file.
 * Only the writer at the head tries the lock, every HEAD_RETRY_MS, awaiting
 * a timer in between so the event loop keeps running; the writers behind it
 * sleep until the one just ahead leaves. A newcomer sees the line and joins
 * its back, so the lock passes in order of arrival and a writer waits for
 * the writes ahead of it, not for its luck. Dead or stuck waiters drop out
 * of the line (see writerQueue), and the whole wait is bounded by
 * busyTimeoutMs, after which the write fails with STORE_UNAVAILABLE having
 * written nothing.
 *
 * The price is paid only while writers wait: each hand-over wakes the next
 * writer's process instead of letting the one that holds the CPU take the
 * lock again, so on a machine short of CPU fewer writes get through per
 * second than under SQLite's handler, but none waits behind more than the
 * writers that came before it.
 *
 * Other designs: flock/fcntl locks would queue in the kernel but Node has no
 * API for them without a native addon; a lock server on a socket needs an
 * election and dies with the process hosting it; a queue inside the database
 * cannot be written by the writers waiting for its lock. Writers that do not
 * use this line (the sqlite3 client, a migration at open) still get the lock
 * when it is free: the head simply keeps trying behind them.
 */
export type WriteTurns = {
  /** Runs `write`, one synchronous BEGIN IMMEDIATE … COMMIT, when this writer's turn comes. */
  take<T>(operation: string, write: () => T): Promise<T>
}

/** How often the writer at the head of the line tries the lock. */
const HEAD_RETRY_MS = 1
/**
 * Writers further back wake when the writer ahead leaves; this is how long
 * they sleep at most without that, to notice a dead writer ahead (which
 * never leaves) and to keep their own ticket's heartbeat.
 */
const WAITER_RECHECK_MS = 100

/**
 * `queueFolder` is undefined for an in-memory database: it belongs to this
 * one connection, so no other writer can hold its lock.
 */
export function writeTurns(db: Database.Database, options: { queueFolder: string | undefined; busyTimeoutMs: number }): WriteTurns {
  const { queueFolder, busyTimeoutMs } = options
  if (queueFolder === undefined) return { take: async (_operation, write) => write() }
  const queue = writerQueue(queueFolder)
  // exec, not a prepared statement: SQLite applies a PRAGMA when it
  // prepares it, so running a prepared one again may change nothing.
  // Reads keep SQLite's busy timeout for the rare moments a WAL reader waits (recovery after a crash).
  const usualWait = `PRAGMA busy_timeout = ${busyTimeoutMs}`

  // `onWritten` runs the moment the write has committed, before anything
  // else: a writer in line hands its turn on there, as the next writer's
  // wait is the hand-over's cost and this connection's settings are not.
  const tryOnce = <T>(write: () => T, onWritten?: () => void): { won: true; value: T } | { won: false; busy: Error } => {
    db.exec('PRAGMA busy_timeout = 0')
    let written = false
    try {
      const value = write()
      written = true
      return { won: true, value }
    } catch (error) {
      // better-sqlite3 has rolled the transaction back: nothing was written, so trying again is safe.
      if (isBusy(error)) return { won: false, busy: error }
      throw error
    } finally {
      if (written) onWritten?.()
      if (db.open) db.exec(usualWait)
    }
  }

  return {
    async take(operation, write) {
      const deadline = performance.now() + busyTimeoutMs
      let lastBusy: Error | undefined
      // A line that cannot be kept (the folder cannot be written or read:
      // a read-only directory next to a writable file) must not fail a write
      // the file would take: the writer then waits without a place in line,
      // unfairly but still without blocking the process.
      if (orWithoutLine(() => queue.isEmpty(), true)) {
        const first = tryOnce(write)
        if (first.won) return first.value
        lastBusy = first.busy
      }
      let ticket = orWithoutLine<WriterTicket | undefined>(() => queue.join(), undefined)
      const placeInLine = (): number => {
        const place = orWithoutLine(() => ticket?.place(), undefined)
        if (place === undefined) {
          ticket?.leave()
          ticket = undefined
        }
        return place ?? 0
      }
      try {
        for (;;) {
          const place = placeInLine()
          if (place === 0) {
            const attempt = tryOnce(write, () => {
              ticket?.leave()
              ticket = undefined
            })
            if (attempt.won) return attempt.value
            lastBusy = attempt.busy
          }
          const left = deadline - performance.now()
          if (left <= 0) throw lastBusy === undefined ? new StoreUnavailable(operation) : toStoreError(lastBusy, operation)
          if (place === 0 || ticket === undefined) await sleep(Math.min(left, HEAD_RETRY_MS))
          else await ticket.untilAheadMoves(Math.min(left, WAITER_RECHECK_MS))
        }
      } finally {
        ticket?.leave()
      }
    },
  }
}

function orWithoutLine<T>(use: () => T, withoutLine: T): T {
  try {
    return use()
  } catch {
    return withoutLine
  }
}

function isBusy(error: unknown): error is Error {
  return isSqliteError(error) && (error.code === 'SQLITE_BUSY' || error.code.startsWith('SQLITE_BUSY_'))
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
