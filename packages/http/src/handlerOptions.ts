import { z } from 'zod'
import { builtInReader, resolveWatchlistPolicy } from '@kerjasama/projections'
import { DEFAULT_TENANT, parseOrThrow } from '@kerjasama/core'
import type { Actor, AgreementService, ReadModelReader, ReadModelStore } from '@kerjasama/core'
import type { ProjectionRunner, WatchlistPolicy } from '@kerjasama/projections'
import type { Hono } from 'hono'

/**
 * Who is asking. The app checks its own session, token or certificate and
 * answers with the actor (role and the party it acts for), or undefined for
 * a request it does not recognise (401). The handler never sees credentials.
 */
export type Authenticate = (request: Request) => Actor | undefined | Promise<Actor | undefined>

/** What the API and a dashboard mounted beside it work from, resolved from the options. */
export type KerjasamaContext = {
  service: AgreementService
  /** Answers every built-in collection from the active build. */
  reader: ReadModelReader
  runner: Pick<ProjectionRunner, 'status' | 'waitUntilCaughtUp'> | undefined
  authenticate: Authenticate
  clock: () => Date
  /** The tenant whose agreements the service writes; names their read-model documents. */
  tenant: string
  watchlistPolicy: Partial<WatchlistPolicy> | undefined
  basePath: string
}

export type KerjasamaHandlerOptions = {
  service: AgreementService
  /**
   * The read models: a ReadModelStore (read through builtInReader, so each
   * collection comes from its projection's active build), or a reader that
   * already answers logical collections (builtInReader's, an as-of reader).
   */
  readModels: ReadModelReader | ReadModelStore
  authenticate: Authenticate
  /** For `GET /api/projections/status` and `?waitFor=` (read-your-writes); without it those answer 501. */
  runner?: Pick<ProjectionRunner, 'status' | 'waitUntilCaughtUp'>
  /** The store the service writes to; only its tenant is read (default DEFAULT_TENANT). */
  eventStore?: { readonly tenant: string }
  /** "Now" for the watchlist and deadlines, read at request time; default the system clock. */
  clock?: () => Date
  watchlistPolicy?: Partial<WatchlistPolicy>
  /** Largest request body in bytes, judged before parsing; default 1 MiB. */
  maxBodyBytes?: number
  /** Where the handler is mounted, e.g. "/kerjasama": the API is at `${basePath}/api`. Default "". */
  basePath?: string
  /** The WWW-Authenticate challenge sent with 401; default `Bearer realm="kerjasama"`. */
  challenge?: string
  /** Called with every error answered as 500 (never shown to the client): log it here. */
  onUnexpectedError?: (error: unknown, request: Request) => void
  /**
   * The seam for the officers' dashboard: called with the handler's Hono app
   * after the API is mounted at `${basePath}/api`, to add its own pages
   * (under `${basePath}/`). The API's routes, errors and 404s stay its own.
   */
  dashboard?: (app: Hono, context: KerjasamaContext) => void
  /** Lets pages of these origins call the API from a browser (CORS); without it, only pages of the handler's own origin can. */
  cors?: CorsOptions
}

export type CorsOptions = {
  /** Exact origins, e.g. "https://sikerja.kebumenkab.go.id"; no wildcard, since the API answers with an officer's data. */
  origins: readonly string[]
  /** Whether the browser may send cookies or other credentials along; default false (a bearer token needs none). */
  credentials?: boolean
  /** How long a browser may keep a preflight's answer; default 600 s. */
  maxAgeSeconds?: number
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

const isFunction = (value: unknown): boolean => typeof value === 'function'
const hasMethods = (...names: string[]) => (value: unknown): boolean =>
  typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
const custom = <T>(check: (value: unknown) => boolean, en: string, id: string) => z.custom<T>(check, { error: en, params: { messageId: id } })

/** An origin as a browser sends it: scheme, host and port only. */
const isOrigin = (value: unknown): boolean => {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
  } catch {
    return false
  }
}

const corsSchema = z.strictObject({
  origins: z
    .array(custom<string>(isOrigin, 'each origin is scheme://host[:port], without a path or a trailing slash', 'setiap origin berupa skema://host[:port], tanpa path dan garis miring di akhir'))
    .min(1)
    .max(100),
  credentials: z.boolean().optional(),
  maxAgeSeconds: z.number().int().min(0).max(86_400).optional(),
})

const optionsSchema = z.strictObject({
  service: custom<AgreementService>(hasMethods('execute', 'load', 'history'), 'service must be an AgreementService', 'service harus berupa AgreementService'),
  readModels: custom<ReadModelReader>(hasMethods('get', 'query'), 'readModels must be a ReadModelReader or ReadModelStore', 'readModels harus berupa ReadModelReader atau ReadModelStore'),
  authenticate: custom<Authenticate>(isFunction, 'authenticate must be a function', 'authenticate harus berupa fungsi'),
  runner: custom<KerjasamaContext['runner']>(hasMethods('status', 'waitUntilCaughtUp'), 'runner must be a projection runner', 'runner harus berupa pelaksana proyeksi').optional(),
  eventStore: custom<{ tenant: string }>((value) => typeof value === 'object' && value !== null && typeof (value as { tenant?: unknown }).tenant === 'string', 'eventStore must be an EventStore (with its tenant)', 'eventStore harus berupa EventStore (beserta tenant-nya)').optional(),
  clock: custom<() => Date>(isFunction, 'clock must be a function', 'clock harus berupa fungsi').optional(),
  watchlistPolicy: z.record(z.string(), z.unknown()).optional(),
  maxBodyBytes: z.number().int().min(1024).max(64 * 1024 * 1024).optional(),
  basePath: custom<string>(
    (value) => typeof value === 'string' && /^(\/[\w.~-]+)*$/.test(value),
    'basePath is "" or /segment/…, without a trailing slash',
    'basePath berupa "" atau /segmen/…, tanpa garis miring di akhir',
  ).optional(),
  challenge: z.string().min(1).max(500).optional(),
  onUnexpectedError: custom<(error: unknown, request: Request) => void>(isFunction, 'onUnexpectedError must be a function', 'onUnexpectedError harus berupa fungsi').optional(),
  dashboard: custom<(app: Hono, context: KerjasamaContext) => void>(isFunction, 'dashboard must be a function', 'dashboard harus berupa fungsi').optional(),
  cors: corsSchema.optional(),
})

export type ResolvedHandlerOptions = KerjasamaContext & {
  maxBodyBytes: number
  challenge: string
  onUnexpectedError: (error: unknown, request: Request) => void
  dashboard: ((app: Hono, context: KerjasamaContext) => void) | undefined
  cors: CorsOptions | undefined
}

const isReadModelStore = (value: unknown): value is ReadModelStore => hasMethods('transaction', 'getCheckpoint')(value)

export function resolveHandlerOptions(options: KerjasamaHandlerOptions): ResolvedHandlerOptions {
  parseOrThrow(optionsSchema, options, { id: 'opsi handler HTTP Kerjasama', en: 'Kerjasama HTTP handler options' })
  // Checked now, so a misspelt threshold fails at start-up rather than on the first watchlist request.
  if (options.watchlistPolicy !== undefined) resolveWatchlistPolicy(options.watchlistPolicy)
  return {
    service: options.service,
    reader: isReadModelStore(options.readModels) ? builtInReader(options.readModels) : options.readModels,
    runner: options.runner,
    authenticate: options.authenticate,
    clock: options.clock ?? (() => new Date()),
    tenant: options.eventStore?.tenant ?? DEFAULT_TENANT,
    watchlistPolicy: options.watchlistPolicy,
    basePath: options.basePath ?? '',
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    challenge: options.challenge ?? 'Bearer realm="kerjasama"',
    onUnexpectedError: options.onUnexpectedError ?? (() => undefined),
    dashboard: options.dashboard,
    cors: options.cors,
  }
}
