import { z } from 'zod'
import { deadlinesQuerySchema, matrixQuerySchema, potentialsQuerySchema, registerFilterSchema, semesterSchema } from '@kerjasama/projections'

/**
 * The shapes of the API as zod schemas: the query schemas are what the
 * routes validate with, the response schemas what the OpenAPI document
 * shows and the end-to-end tests check every answer against. Read-model
 * filters are the projections' own schemas, with numbers coerced from the
 * query string.
 */

/** Decimal digits: positions are bigints, written as strings so no JSON parser rounds them. */
export const positionSchema = z.string().regex(/^(0|[1-9]\d{0,19})$/).describe('A global position in the event log, as a decimal string')

export const DEFAULT_WAIT_MS = 2000
export const MAX_WAIT_MS = 30_000

/** Parameters every read route takes. */
export const readParameters = {
  waitFor: positionSchema.optional().describe('Wait until the read models have caught up with this position (a write’s `position`) before answering'),
  timeoutMs: z.coerce.number().int().min(0).max(MAX_WAIT_MS).optional().describe(`How long to wait for \`waitFor\`, in milliseconds; default ${DEFAULT_WAIT_MS}`),
  lang: z.enum(['id', 'en']).optional().describe('Language of messages and problem titles; default from Accept-Language, else id'),
}

const limit = z.coerce.number().int().min(1).max(500).optional().describe('Page size, 1–500; default 50')

export const agreementIdParameters = z.strictObject({ id: z.string().min(1).max(100).describe('The agreement id') })
export const semesterParameters = z.strictObject({ semester: semesterSchema.describe('YYYY-1 (January–June) or YYYY-2 (July–December)') })

export const plainReadQuery = z.strictObject({ ...readParameters })
export const languageQuery = z.strictObject({ lang: readParameters.lang })
/** The reads of one agreement: `tenant` for a province's reader, whose register lists its kabupaten/kota's agreements too. */
export const tenantReadQuery = z.strictObject({
  tenant: z.string().trim().min(1).max(64).optional().describe('Whose agreement, for a province’s reader whose register lists its kabupaten/kota’s too (each register entry names its tenant); default the handler’s own'),
  ...readParameters,
})
export const registerQuery = z.strictObject({ ...registerFilterSchema.shape, limit, ...readParameters })
export const watchlistQuery = z.strictObject({ region: z.string().trim().min(1).max(10).optional().describe('Only agreements this region takes part in'), ...readParameters })
const { now: _now, ...deadlineFilters } = deadlinesQuerySchema.shape
export const deadlinesQuery = z.strictObject({ ...deadlineFilters, days: z.coerce.number().int().min(1).max(3650).optional().describe('Days ahead, today included; default 30'), ...readParameters })
export const matrixQuery = z.strictObject({ ...matrixQuerySchema.shape, ...readParameters })
export const potentialsQuery = z.strictObject({ ...potentialsQuerySchema.shape, ...readParameters })
export const semesterReportQuery = z.strictObject({
  region: z.string().trim().min(1).max(10).optional(),
  format: z.enum(['json', 'csv']).optional().describe('json (default) or csv: RFC 4180, UTF-8 with BOM, column names in the request’s language'),
  ...readParameters,
})

const localized = z.strictObject({ id: z.string(), en: z.string() })

export const refusalReasonSchema = z.object({
  code: z.string(),
  message: localized,
  basis: z.object({ kind: z.enum(['reg', 'practice', 'policy', 'schema']), source: z.string() }),
  details: z.record(z.string(), z.unknown()).optional(),
})

export const problemSchema = z
  .object({
    type: z.string().describe('Stable per code: https://kerjasama.dev/problems/<slug>'),
    title: z.string().describe('In the request’s language'),
    status: z.number().int(),
    detail: z.string().describe('In the request’s language'),
    instance: z.string().describe('The request path'),
    code: z.string(),
    title_id: z.string(),
    title_en: z.string(),
    detail_id: z.string(),
    detail_en: z.string(),
    violations: z.array(refusalReasonSchema).describe('Every reason the request was refused, in core’s refusal shape'),
  })
  .describe('RFC 9457 problem details')

export const storedEventSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  streamId: z.string(),
  version: z.number().int().positive(),
  position: positionSchema,
  type: z.string(),
  schemaVersion: z.number().int(),
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()),
  hash: z.string(),
})

export const writeResultSchema = z.object({
  agreementId: z.string(),
  version: z.number().int().nonnegative().describe('The stream version after the command; also the ETag'),
  position: positionSchema.nullable().describe('The position of the last event written: pass it as waitFor to read your write'),
  duplicate: z.boolean().describe('True when the Idempotency-Key had been used for this same command: nothing new was written'),
  events: z.array(storedEventSchema),
})

export const agreementSchema = z.object({
  agreementId: z.string(),
  version: z.number().int().positive(),
  state: z.record(z.string(), z.unknown()).describe('The decider’s AgreementState (status, parties, mapping, term, …)'),
})

export const historySchema = z.object({ agreementId: z.string(), version: z.number().int().positive(), events: z.array(storedEventSchema) })

export const timelineSchema = z.object({
  agreementId: z.string(),
  tenant: z.string(),
  entries: z.array(
    z.object({
      version: z.number().int(),
      recordedAt: z.string(),
      happenedOn: z.string(),
      who: z.object({ id: z.string(), role: z.string(), actsFor: z.string().optional() }),
      type: z.string(),
      what: localized,
      term: z.number().int(),
    }),
  ),
})

const registerEntrySchema = z
  .looseObject({ agreementId: z.string(), tenant: z.string(), version: z.number().int(), kind: z.string(), object: z.string(), initiatingRegion: z.string(), stage: z.string() })
  .describe('A register entry (docs/read-models.md#register)')

export const registerPageSchema = z.object({ items: z.array(registerEntrySchema), next: z.string().optional().describe('Pass as `after` for the next page') })

export const watchlistSchema = z.object({
  asOf: z.string().describe('The instant judged, from the server’s clock'),
  items: z.array(
    z.object({
      agreementId: z.string(),
      tenant: z.string(),
      object: z.string(),
      initiatingRegion: z.string(),
      stage: z.string(),
      code: z.string(),
      severity: z.enum(['high', 'medium', 'low']),
      since: z.string(),
      reason: localized,
      details: z.record(z.string(), z.unknown()),
    }),
  ),
})

export const deadlinesSchema = z.object({
  asOf: z.string(),
  items: z.array(z.looseObject({ kind: z.enum(['action', 'term-end']), dueDate: z.string(), agreementId: z.string(), tenant: z.string(), object: z.string(), regions: z.array(z.string()) })),
})

export const matrixSchema = z.object({
  urusan: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(z.object({ region: z.string(), cells: z.record(z.string(), z.object({ counts: z.record(z.string(), z.number()), total: z.number() })), total: z.number() })),
})

export const potentialsSchema = z.object({
  items: z.array(z.object({ potential: z.string(), regions: z.array(z.string()), agreements: z.array(z.looseObject({ agreementId: z.string(), stage: z.string() })), furthestStage: z.string() })),
})

export const semesterReportSchema = z.object({
  semester: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(z.looseObject({ region: z.string(), byStage: z.record(z.string(), z.number()), newSignings: z.number(), monevMeanScore: z.number().nullable() })),
})

const buildSchema = z.object({ version: z.number().int(), generation: z.number().int(), checkpoint: positionSchema })

export const projectionStatusSchema = z.object({
  projections: z.array(
    z.object({
      name: z.string(),
      version: z.number().int(),
      state: z.enum(['running', 'caught-up', 'rebuilding', 'failed', 'standby', 'stopped']),
      active: buildSchema.nullable(),
      rebuild: buildSchema.nullable(),
      checkpoint: positionSchema,
      head: positionSchema.nullable(),
      lag: positionSchema.nullable(),
      lastError: z.object({ code: z.string(), message: localized, details: z.record(z.string(), z.unknown()) }).nullable(),
      holder: z.string().nullable(),
      /** Builds no reader sees any more, still to be deleted. */
      retired: z.array(z.object({ version: z.number().int(), generation: z.number().int(), retiredAt: z.string() })),
    }),
  ),
})

/** Bodies: the commands are core's own schemas; creating takes IdentifyCooperation, whose `type` may be left out. */
export { agreementCommandSchema } from '@kerjasama/core'
