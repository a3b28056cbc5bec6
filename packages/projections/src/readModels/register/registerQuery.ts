import { z } from 'zod'
import { parseOrThrow } from '@kerjasama/core'
import type { IndexValue, ReadModelReader } from '@kerjasama/core'
import { REGISTER_COLLECTION, potentialKey } from './registerEntry'
import type { RegisterEntry, Stage } from './registerEntry'

const code = z.string().trim().min(1).max(100)

export const registerFilterSchema = z.strictObject({
  /** Agreements in which this region takes part (initiating or as a daerah partner). */
  region: code.optional(),
  /** Agreements this party signs (a region code or a partner id). */
  party: code.optional(),
  urusan: code.optional(),
  stage: z.enum(['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated', 'ended']).optional(),
  kind: code.optional(),
  /** A planning document kind ("RPJMD") or kind:reference ("RPJMD:Perda 5/2021"). */
  planningDocument: z.string().trim().min(1).max(400).optional(),
  potential: z.string().trim().min(1).max(300).optional(),
  /** Agreements whose current term ends before this day (YYYY-MM-DD). */
  endingBefore: z.iso.date().optional(),
  after: z.string().max(2000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
})

export type RegisterFilter = z.input<typeof registerFilterSchema>
export type RegisterPage = { items: RegisterEntry[]; next?: string }

const FILTER = { id: 'saringan register', en: 'register filter' }

/** A page of the register: newest identification first when unfiltered, by end date with `endingBefore`, else in the stable order of document ids. */
export async function queryRegister(reader: ReadModelReader, filter: RegisterFilter = {}): Promise<RegisterPage> {
  const valid = parseOrThrow(registerFilterSchema, filter, FILTER)
  // The first condition drives the index scan (R14): the narrow ones go
  // first, the region — which most of a region's own agreements share — last.
  const where: Record<string, IndexValue> = {}
  if (valid.potential !== undefined) where.potentialKey = potentialKey(valid.potential)
  if (valid.party !== undefined) where.parties = valid.party
  if (valid.urusan !== undefined) where.urusanCodes = valid.urusan
  if (valid.planningDocument !== undefined) where.planningDocumentKeys = valid.planningDocument
  if (valid.stage !== undefined) where.stage = valid.stage satisfies Stage
  if (valid.kind !== undefined) where.kind = valid.kind
  if (valid.region !== undefined) where.regions = valid.region
  const filtered = Object.keys(where).length > 0
  const page = await reader.query(REGISTER_COLLECTION, {
    where,
    // Newest first when nothing is filtered; a filtered page keeps the stable
    // order of document ids, which an index walk of its first condition gives
    // directly, where ordering it too made PostgreSQL probe every entry.
    ...(valid.endingBefore !== undefined
      ? { orderBy: 'endDate', direction: 'asc' as const, range: { lt: valid.endingBefore } }
      : filtered
        ? {}
        : { orderBy: 'identifiedOn', direction: 'desc' as const }),
    ...(valid.after === undefined ? {} : { after: valid.after }),
    ...(valid.limit === undefined ? {} : { limit: valid.limit }),
  })
  return { items: page.items.map((item) => item.document as unknown as RegisterEntry), ...(page.next === undefined ? {} : { next: page.next }) }
}

/** Every register entry matching the filter, page by page; for reports and watchlists that must see them all. */
export async function* allRegisterEntries(reader: ReadModelReader, filter: Omit<RegisterFilter, 'after' | 'limit'> = {}): AsyncIterable<RegisterEntry> {
  let after: string | undefined
  do {
    const page = await queryRegister(reader, { ...filter, limit: 500, ...(after === undefined ? {} : { after }) })
    yield* page.items
    after = page.next
  } while (after !== undefined)
}
