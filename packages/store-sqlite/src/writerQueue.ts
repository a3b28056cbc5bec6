import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmdirSync, statSync, unlinkSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { fileChangeWait } from './fileChangeWait'

/**
 * A first-come-first-served line of writers waiting for one database file's
 * write lock, shared by every process on the machine: a folder next to the
 * file holding one empty ticket file per waiting writer, named
 * `<arrival time>-<pid>` so that sorting the names gives the order of
 * arrival. The arrival time is the machine's monotonic clock in nanoseconds
 * (process.hrtime), which every process reads alike and which never goes
 * back when the wall clock is set, so joining needs no look at the line.
 * The folder exists only while someone waits (the last to leave removes it;
 * `rmdir` succeeds only on an empty folder, so it never removes a ticket
 * that just arrived), which keeps the check a newcomer makes before each
 * write to one `existsSync`.
 *
 * A waiter that dies (kill -9, crash, power cut) cannot remove its ticket,
 * so every waiter treats the ticket at the head as gone when its process no
 * longer exists (`process.kill(pid, 0)`), or when the line has not moved and
 * the owner has not touched its ticket for STALE_AFTER_MS: a process that is
 * stopped, or one whose pid was reused or lives in another pid namespace,
 * blocks the line for at most that long. A live owner that finds its ticket
 * removed puts it back under the same name, so it keeps its place.
 */
export type WriterQueue = {
  /** No ticket is waiting: a newcomer may try the lock without lining up. */
  isEmpty(): boolean
  /** Lines up at the back. Like every method here, throws when the folder cannot be written or read. */
  join(): WriterTicket
}

export type WriterTicket = {
  /** How many live tickets are ahead of this one; 0 at the head. Refreshes the ticket's heartbeat. */
  place(): number
  /** Sleeps until the ticket just ahead (as of the last place()) leaves or is touched, or `ms` have passed. */
  untilAheadMoves(ms: number): Promise<void>
  /** Never throws. */
  leave(): void
}

/** How long a ticket whose owner stopped touching it blocks the line. */
export const STALE_AFTER_MS = 2000
const HEARTBEAT_MS = 250
/** How often a waiter looks at the line when it cannot watch the ticket ahead. */
const POLL_WITHOUT_WATCH_MS = 1
const TICKET_NAME = /^(\d{20})-(\d+)$/

// Tickets this process owns, across all its connections: a ticket carrying
// this process's pid that is not listed here was left by an earlier process
// that had the same pid (a restarted container), so it is stale.
const ownTickets = new Set<string>()
let lastArrival = 0n

function arrivalTime(): string {
  const now = process.hrtime.bigint()
  lastArrival = now > lastArrival ? now : lastArrival + 1n
  return String(lastArrival).padStart(20, '0')
}

export function writerQueue(folder: string, options: { staleAfterMs: number } = { staleAfterMs: STALE_AFTER_MS }): WriterQueue {
  const { staleAfterMs } = options
  const listTickets = (): string[] => {
    try {
      return readdirSync(folder)
        .filter((name) => TICKET_NAME.test(name))
        .sort()
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
  }

  // `headSince`: how long this waiter has seen `name` at the head. Only a
  // head that has not moved for STALE_AFTER_MS is worth a stat of its ticket.
  const isStale = (name: string, headSince: number): boolean => {
    const path = join(folder, name)
    const pid = Number(TICKET_NAME.exec(name)?.[2])
    if (pid === process.pid) return !ownTickets.has(path)
    if (!processExists(pid)) return true
    if (Date.now() - headSince <= staleAfterMs) return false
    const touched = statSync(path, { throwIfNoEntry: false })?.mtimeMs
    return touched === undefined || Date.now() - touched > staleAfterMs
  }

  // Creates the ticket file (again, if it was removed). The folder may
  // vanish between mkdir and open (the last waiter leaving), hence the retries.
  const create = (name: string): void => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        closeSync(openSync(join(folder, name), 'wx'))
        return
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return
        if (errorCode(error) !== 'ENOENT' || attempt === 10) throw error
      }
      mkdirSync(folder, { recursive: true })
    }
  }

  return {
    isEmpty: () => !existsSync(folder) || listTickets().length === 0,

    join() {
      const name = `${arrivalTime()}-${process.pid}`
      create(name)
      const path = join(folder, name)
      ownTickets.add(path)
      let lastBeat = Date.now()
      let justAhead: string | undefined
      let head: { name: string; since: number } | undefined
      const aheadMoves = fileChangeWait(POLL_WITHOUT_WATCH_MS)

      return {
        place() {
          let tickets = listTickets()
          if (!tickets.includes(name)) {
            create(name)
            lastBeat = Date.now()
            tickets = listTickets()
          } else if (Date.now() - lastBeat >= HEARTBEAT_MS) {
            lastBeat = Date.now()
            touch(path)
          }
          const ahead = tickets.slice(0, Math.max(0, tickets.indexOf(name)))
          // Only the head can hold the line up, so only the head is checked:
          // a dead ticket further back is removed once it reaches the head.
          for (;;) {
            const first = ahead[0]
            if (first === undefined) break
            if (head?.name !== first) head = { name: first, since: Date.now() }
            if (!isStale(first, head.since)) break
            removeQuietly(join(folder, first))
            ahead.shift()
          }
          justAhead = ahead.at(-1)
          return ahead.length
        },

        untilAheadMoves(ms) {
          if (justAhead === undefined) return new Promise((resolve) => setTimeout(resolve, ms))
          return aheadMoves.wait(join(folder, justAhead), ms)
        },

        // The ticket goes first: its removal is what wakes the writer behind.
        leave() {
          ownTickets.delete(path)
          try {
            removeQuietly(path)
          } catch {
            // A ticket that cannot be removed is left to go stale.
          }
          aheadMoves.close()
          try {
            rmdirSync(folder)
          } catch {
            // Someone else is waiting (ENOTEMPTY) or already removed it.
          }
        },
      }
    },
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) !== 'ESRCH'
  }
}

/** Marks the ticket as still wanted; one removed as stale a moment ago is put back at the next place(). */
function touch(path: string): void {
  const now = new Date()
  try {
    utimesSync(path, now, now)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code
}
