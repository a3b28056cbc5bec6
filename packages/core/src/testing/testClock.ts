/**
 * A clock that only moves when told to, so a test or a demo produces the same
 * events (and the same recordedAt) on every run.
 */
export type TestClock = {
  (): Date
  /** Moves the clock forward. */
  advance(by: { days?: number; hours?: number; minutes?: number; ms?: number }): Date
  set(instant: Date | string): Date
}

const MS_PER_MINUTE = 60_000

export function testClock(start: Date | string = '2022-02-22T02:00:00.000Z'): TestClock {
  let current = toDate(start)
  const clock = (() => new Date(current.getTime())) as TestClock
  clock.advance = ({ days = 0, hours = 0, minutes = 0, ms = 0 }) => {
    current = new Date(current.getTime() + ((days * 24 + hours) * 60 + minutes) * MS_PER_MINUTE + ms)
    return clock()
  }
  clock.set = (instant) => {
    current = toDate(instant)
    return clock()
  }
  return clock
}

function toDate(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(value.getTime())
  if (Number.isNaN(date.getTime())) throw new Error(`testClock: not a valid instant: ${String(value)}`)
  return date
}
