import { z } from 'zod'
import { parseOrThrow } from '@kerjasama/core'
import type { IndexValue, ReadModelReader } from '@kerjasama/core'
import { addDays, today } from '../calendarDays'
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

/** Actions due and terms ending from today through the next `days` days, soonest first — the reminders an officer gets. */
export async function queryDeadlines(reader: ReadModelReader, query: DeadlinesQuery): Promise<Deadline[]> {
  const valid = parseOrThrow(deadlinesQuerySchema, query, { id: 'saringan tenggat', en: 'deadlines filter' })
  const from = today(valid.now)
  const where: Record<string, IndexValue> = {}
  if (valid.region !== undefined) where.regions = valid.region
  if (valid.kind !== undefined) where.kind = valid.kind
  const found: Deadline[] = []
  let after: string | undefined
  do {
    const page = await reader.query(DEADLINES_COLLECTION, {
      where,
      orderBy: 'dueDate',
      range: { gte: from, lt: addDays(from, valid.days ?? 30) },
      limit: 500,
      ...(after === undefined ? {} : { after }),
    })
    found.push(...page.items.map((item) => item.document as unknown as Deadline))
    after = page.next
  } while (after !== undefined)
  return found
}
