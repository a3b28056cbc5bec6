import { z } from 'zod'
import type { ProblemCode } from '../problem/problemCatalogue'
import {
  agreementCommandSchema, agreementIdParameters, agreementSchema, deadlinesQuery, deadlinesSchema, historySchema, languageQuery, matrixQuery, matrixSchema,
  plainReadQuery, tenantReadQuery, potentialsQuery, potentialsSchema, problemSchema, projectionStatusSchema, registerPageSchema, registerQuery, semesterParameters,
  semesterReportQuery, semesterReportSchema, timelineSchema, watchlistQuery, watchlistSchema, writeResultSchema,
} from './apiSchemas'

/**
 * Every route of the API, as documentation: the routes register their
 * handlers at these paths with these schemas, the OpenAPI document is built
 * from this table, and a test checks that the routes Hono holds and the
 * paths documented here are the same set.
 */
export type RouteHeader = 'If-Match' | 'If-None-Match' | 'Idempotency-Key'

export type RouteDoc = {
  method: 'get' | 'post'
  /** Hono syntax (`:id`), below the handler's basePath. */
  path: string
  operationId: string
  tag: 'agreements' | 'read models' | 'reports' | 'operations'
  summary: string
  description: string
  /** Answered without calling authenticate. */
  public?: true
  params?: z.ZodObject
  query?: z.ZodObject
  body?: z.ZodType
  headers?: readonly RouteHeader[]
  success: ReadonlyArray<{ status: number; description: string; schema?: z.ZodType; contentType?: string; headers?: readonly string[] }>
  problems: readonly ProblemCode[]
}

const everyRequest: readonly ProblemCode[] = ['NOT_AUTHENTICATED', 'VALIDATION_FAILED', 'INTERNAL_ERROR', 'STORE_UNAVAILABLE']
const reads: readonly ProblemCode[] = [...everyRequest, 'RUNNER_NOT_CONFIGURED', 'PROJECTION_CATCH_UP_TIMEOUT', 'PROJECTION_FAILED']
const writes: readonly ProblemCode[] = [
  ...everyRequest,
  'UNSUPPORTED_MEDIA_TYPE', 'BODY_TOO_LARGE', 'BODY_NOT_JSON', 'IDEMPOTENCY_KEY_MALFORMED', 'STORE_INPUT_INVALID', 'PAYLOAD_TOO_LARGE',
  'NOT_AUTHORIZED', 'ACTOR_NOT_OF_INITIATING_REGION', 'ACTOR_NOT_OF_PARTY', 'ACTOR_OUTSIDE_AGREEMENT', 'AGREEMENT_OUTSIDE_TENANT',
  'GUARD_VIOLATION', 'GUARD_FAILED', 'IDEMPOTENCY_KEY_REUSED', 'STREAM_VERSION_CONFLICT',
]

const written = ['ETag'] as const

const identifyCooperation = agreementCommandSchema.options[0]
// The union's first member, by core's order; this keeps that order from changing unnoticed.
if (identifyCooperation.shape.type.value !== 'IdentifyCooperation') throw new Error('core’s first command is no longer IdentifyCooperation')
/** Creating takes IdentifyCooperation; its `type` may be left out. */
export const createAgreementBody = z.strictObject({ ...identifyCooperation.shape, type: z.literal('IdentifyCooperation').optional() })

export const routeCatalogue = {
  createAgreement: {
    method: 'post',
    path: '/api/agreements',
    operationId: 'createAgreement',
    tag: 'agreements',
    summary: 'Identify a cooperation: start an agreement',
    description: 'The body is an IdentifyCooperation command (`type` optional). Without `agreementId` the service assigns one; the answer says which, with `Location`.',
    query: languageQuery,
    body: createAgreementBody,
    headers: ['Idempotency-Key'],
    success: [{ status: 201, description: 'Recorded', schema: writeResultSchema, headers: [...written, 'Location'] }],
    problems: writes,
  },
  issueCommand: {
    method: 'post',
    path: '/api/agreements/:id/commands',
    operationId: 'issueCommand',
    tag: 'agreements',
    summary: 'Issue any command to an agreement',
    description: 'The body is the command; `type` is required, `agreementId` may be left out (it is the path’s) and must equal it when given. `If-Match: W/"<version>"` makes the write conditional: a stale version is 412 and nothing is written.',
    params: agreementIdParameters,
    query: languageQuery,
    body: agreementCommandSchema,
    headers: ['If-Match', 'Idempotency-Key'],
    success: [
      { status: 200, description: 'Recorded', schema: writeResultSchema, headers: written },
      { status: 201, description: 'Recorded, and the command started the agreement (IdentifyCooperation with this id)', schema: writeResultSchema, headers: [...written, 'Location'] },
    ],
    problems: [...writes, 'AGREEMENT_NOT_FOUND', 'IF_MATCH_MALFORMED', 'PRECONDITION_FAILED'],
  },
  getAgreement: {
    method: 'get',
    path: '/api/agreements/:id',
    operationId: 'getAgreement',
    tag: 'agreements',
    summary: 'One agreement: its state and version',
    description: 'Read from the event stream, so always current. `ETag` is the version; `If-None-Match` with it answers 304. `tenant` reads an agreement of another tenant the store may read (a province’s reader); any other is 403 TENANT_NOT_GRANTED.',
    params: agreementIdParameters,
    query: tenantReadQuery,
    headers: ['If-None-Match'],
    success: [
      { status: 200, description: 'The agreement', schema: agreementSchema, headers: ['ETag'] },
      { status: 304, description: 'Not modified since the version in If-None-Match', headers: ['ETag'] },
    ],
    problems: [...reads, 'AGREEMENT_NOT_FOUND', 'TENANT_NOT_GRANTED'],
  },
  getHistory: {
    method: 'get',
    path: '/api/agreements/:id/history',
    operationId: 'getHistory',
    tag: 'agreements',
    summary: 'Every event of an agreement, in version order',
    description: 'The stored events with their metadata and hashes; positions are strings. `ETag` is the version, as for the agreement, and `If-None-Match` with it answers 304. `tenant` as for the agreement.',
    params: agreementIdParameters,
    query: tenantReadQuery,
    headers: ['If-None-Match'],
    success: [
      { status: 200, description: 'The history', schema: historySchema, headers: ['ETag'] },
      { status: 304, description: 'Not modified since the version in If-None-Match', headers: ['ETag'] },
    ],
    problems: [...reads, 'AGREEMENT_NOT_FOUND', 'TENANT_NOT_GRANTED'],
  },
  getTimeline: {
    method: 'get',
    path: '/api/agreements/:id/timeline',
    operationId: 'getTimeline',
    tag: 'read models',
    summary: 'An agreement’s timeline as an officer reads it',
    description: 'From the timeline read model: who did what, when, in both languages. Pass a write’s position as `waitFor` to see that write; `tenant` reads an agreement of another tenant the read models hold.',
    params: agreementIdParameters,
    query: tenantReadQuery,
    success: [{ status: 200, description: 'The timeline', schema: timelineSchema }],
    problems: [...reads, 'AGREEMENT_NOT_FOUND'],
  },
  getRegister: {
    method: 'get',
    path: '/api/register',
    operationId: 'getRegister',
    tag: 'read models',
    summary: 'The agreement register, filtered and paginated',
    description: 'Newest identification first, or by end date with `endingBefore`. Keyset pages: pass `next` as `after`.',
    query: registerQuery,
    success: [{ status: 200, description: 'A page of the register', schema: registerPageSchema }],
    problems: [...reads, 'STORE_INPUT_INVALID'],
  },
  getWatchlist: {
    method: 'get',
    path: '/api/watchlist',
    operationId: 'getWatchlist',
    tag: 'read models',
    summary: 'The ceremonial-risk watchlist, judged now',
    description: 'Judged at request time with the server’s clock, each agreement on today as its initiating region counts it (WIB, WITA or WIT), worst first.',
    query: watchlistQuery,
    success: [{ status: 200, description: 'The watchlist', schema: watchlistSchema }],
    problems: reads,
  },
  getDeadlines: {
    method: 'get',
    path: '/api/deadlines',
    operationId: 'getDeadlines',
    tag: 'read models',
    summary: 'Actions due and terms ending in the next days',
    description: 'From today (at the server’s clock’s instant, on the clock of `region`, else of each agreement’s initiating region: WIB, WITA or WIT) through `days` days ahead, soonest first.',
    query: deadlinesQuery,
    success: [{ status: 200, description: 'The deadlines', schema: deadlinesSchema }],
    problems: reads,
  },
  getMatrix: {
    method: 'get',
    path: '/api/matrix',
    operationId: 'getMatrix',
    tag: 'read models',
    summary: 'The urusan × region matrix',
    description: 'For one region (`region`) or every region of a province (`province`, two digits).',
    query: matrixQuery,
    success: [{ status: 200, description: 'The matrix', schema: matrixSchema }],
    problems: reads,
  },
  getPotentials: {
    method: 'get',
    path: '/api/potentials',
    operationId: 'getPotentials',
    tag: 'read models',
    summary: 'Local potentials and the agreements pursuing them',
    description: 'Most pursued first.',
    query: potentialsQuery,
    success: [{ status: 200, description: 'The potentials', schema: potentialsSchema }],
    problems: reads,
  },
  getSemesterReport: {
    method: 'get',
    path: '/api/reports/semester/:semester',
    operationId: 'getSemesterReport',
    tag: 'reports',
    summary: 'The semester report, as JSON or CSV',
    description: '`format=csv` answers text/csv (RFC 4180, UTF-8 with BOM) as an attachment, columns named in the request’s language.',
    params: semesterParameters,
    query: semesterReportQuery,
    success: [
      { status: 200, description: 'The report (JSON)', schema: semesterReportSchema },
      { status: 200, description: 'The report (CSV)', contentType: 'text/csv; charset=utf-8', headers: ['Content-Disposition'] },
    ],
    problems: reads,
  },
  getProjectionStatus: {
    method: 'get',
    path: '/api/projections/status',
    operationId: 'getProjectionStatus',
    tag: 'operations',
    summary: 'Where each projection stands',
    description: 'The runner’s status(): state, checkpoints, head and lag (positions as strings), last error.',
    query: plainReadQuery,
    success: [{ status: 200, description: 'The status', schema: projectionStatusSchema }],
    problems: reads,
  },
  getOpenApi: {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    tag: 'operations',
    summary: 'This document',
    description: 'Served without authentication: it describes the API and holds no data.',
    public: true,
    query: languageQuery,
    success: [{ status: 200, description: 'The OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()) }],
    problems: ['VALIDATION_FAILED', 'INTERNAL_ERROR'],
  },
} as const satisfies Record<string, RouteDoc>

export type RouteName = keyof typeof routeCatalogue

/** The problem schema, for the document's components. */
export { problemSchema }
