import { randomFillSync } from 'node:crypto'

/**
 * Ids for events whose caller gave none: UUIDv7 (RFC 9562), whose first 48
 * bits are the time in milliseconds and next 12 a counter within that
 * millisecond, so ids made one after another sort one after another.
 *
 * Why not random (v4) ids: `events.id` has a UNIQUE index, and random keys
 * land on random leaves of it, so an append of 100 events dirtied about 100
 * index pages, each written to the WAL and synced on every commit (95 WAL
 * frames per 100-event append against 31 with ordered ids, same rows). Ordered
 * ids all go to the index's last leaf.
 *
 * Why not the uuid package's v7: it draws 16 fresh random bytes per id
 * (measured 1.5 µs an id against 0.15 µs here, on a path that spends about
 * 10 µs per event in all), where this takes them from a pooled buffer.
 *
 * Uniqueness does not rest on the clock: 62 bits of every id are random, and
 * the UNIQUE index still refuses a repeat. Within this process the time
 * never goes back (a clock set back keeps the last time and counts on), and
 * a counter that runs out moves on to the next millisecond.
 */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
const POOL_SIZE = 8 * 512
const pool = Buffer.alloc(POOL_SIZE)
let poolOffset = POOL_SIZE
let lastMs = 0
let counter = 0

function randomBytes8(): number {
  if (poolOffset + 8 > POOL_SIZE) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const offset = poolOffset
  poolOffset += 8
  return offset
}

export function newEventId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now
    // A random start within the lower half leaves room to count and keeps
    // ids of two processes in one millisecond from sharing a counter.
    counter = pool.readUInt16BE(randomBytes8()) & 0x7ff
  } else {
    counter += 1
    if (counter > 0xfff) {
      lastMs += 1
      counter = 0
    }
  }
  const ms = lastMs
  const r = randomBytes8()
  const timeHigh = Math.floor(ms / 0x10000)
  const timeLow = ms % 0x10000
  return (
    HEX[(timeHigh >>> 24) & 0xff]! +
    HEX[(timeHigh >>> 16) & 0xff]! +
    HEX[(timeHigh >>> 8) & 0xff]! +
    HEX[timeHigh & 0xff]! +
    '-' +
    HEX[timeLow >>> 8]! +
    HEX[timeLow & 0xff]! +
    '-' +
    HEX[0x70 | (counter >>> 8)]! +
    HEX[counter & 0xff]! +
    '-' +
    HEX[0x80 | (pool[r]! & 0x3f)]! +
    HEX[pool[r + 1]!]! +
    '-' +
    HEX[pool[r + 2]!]! +
    HEX[pool[r + 3]!]! +
    HEX[pool[r + 4]!]! +
    HEX[pool[r + 5]!]! +
    HEX[pool[r + 6]!]! +
    HEX[pool[r + 7]!]!
  )
}
