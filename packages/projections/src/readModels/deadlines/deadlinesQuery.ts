import { z } from 'zod'
import { latestIndonesianDay, parseOrThrow, regionToday } from '@kerjasama/core'
import type { IndexValue, ReadModelReader } from '@kerjasama/core'
import { addDays, dayOf } from '../calendarDays'
import { DEADLINES_COLLECTION } from './deadlinesProjection'
import type { Deadline } from './deadlinesProjection'

export const deadlinesQuerySchema = z.strictObject({
  /** The instant asked about, from the caller's clock. */
  now: z.date(),
  /** How many days ahead, today included. Default 30. */
  days: z.number().int().min(1).max(3650).optional(),
  region: z.string().trim().min(1).max(10).optional(),
  kind: z.enum(['action', 'term-end']).optional(),
})
export type DeadlinesQuery = z.input<typeof deadlinesQuerySchema>

/**
 * Actions due and terms ending from today through the next `days` days,
 * soonest first — the reminders an officer gets. Today is a region's (WIB,
 * WITA or WIT): with `region`, that region's today; without, each
 * deadline's own initiating region's. At 16:30 UTC on 30 November it is
 * already 1 December in Jayapura and still 30 November in Kebumen.
 */
export async function queryDeadlines(reader: ReadModelReader, query: DeadlinesQuery): Promise<Deadline[]> {
  const valid = parseOrThrow(deadlinesQuerySchema, query, { id: 'saringan tenggat', en: 'deadlines filter' })
  const days = valid.days ?? 30
  // regionsOf puts the initiating region first.
  const todayOf = (deadline: Deadline): string => regionToday(valid.now, valid.region ?? deadline.regions[0])
  // Without a region the index is asked for the days of every region's
  // window — none begins before the UTC day (no region is behind UTC) nor
  // after the latest day begun in Indonesia — and each deadline is then held
  // to its own; the order by due date is the index's either way.
  const from = regionToday(valid.now, valid.region)
  const lastFrom = valid.region === undefined ? dayOf(latestIndonesianDay(valid.now)) : from
  const where: Record<string, IndexValue> = {}
  if (valid.region !== undefined) where.regions = valid.region
  if (valid.kind !== undefined) where.kind = valid.kind
  const found: Deadline[] = []
  let after: string | undefined
  do {
    const page = await reader.query(DEADLINES_COLLECTION, {
      where,
      orderBy: 'dueDate',
      range: { gte: from, lt: addDays(lastFrom, days) },
      limit: 500,
      ...(after === undefined ? {} : { after }),
    })
    for (const item of page.items) {
      const deadline = item.document as unknown as Deadline
      const today = todayOf(deadline)
      if (deadline.dueDate >= today && deadline.dueDate < addDays(today, days)) found.push(deadline)
    }
    after = page.next
  } while (after !== undefined)
  return found
}
