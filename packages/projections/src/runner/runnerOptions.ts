import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { isKerjasamaError, parseOrThrow } from '@kerjasama/core'
import { checkCollectionIndexes } from '@kerjasama/core/adapter'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import type { Projection } from '../projection'
import { PROJECTION_NAME, physicalCollection } from './buildNames'
import type { Progress } from './status'

const isFunction = (value: unknown): boolean => typeof value === 'function'
const hasMethods =
  (...names: string[]) =>
  (value: unknown): boolean =>
    typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')

const functionIssue = (field: string) => ({ error: `${field} must be a function`, params: { messageId: `${field} harus berupa fungsi` } })

const projectionSchema = z
  .object({
    name: z.string().regex(PROJECTION_NAME, 'letters, digits, - and _ only, at most 64'),
    version: z.number().int().positive().max(1_000_000),
    collections: z.record(z.string().min(1).max(100), z.object({ indexed: z.array(z.string().min(1).max(100)).readonly() })).optional(),
    apply: z.custom<Projection['apply']>(isFunction, functionIssue('apply')),
  })
  .superRefine((projection, context) => {
    // The store checks a declaration only when the first pass declares it, and would then refuse it at every pass, writing nothing, for ever.
    for (const [collection, declaration] of Object.entries(projection.collections ?? {})) {
      try {
        checkCollectionIndexes({ [physicalCollection(projection.name, { version: projection.version, generation: 0 }, collection)]: declaration })
      } catch (error) {
        if (!isKerjasamaError(error)) throw error
        context.addIssue({ code: 'custom', path: ['collections', collection], message: error.localized.en, params: { messageId: error.localized.id } })
      }
    }
  })

export const runnerOptionsSchema = z.strictObject({
  eventStore: z.custom<EventStore>(hasMethods('readAll'), { error: 'eventStore must be an EventStore', params: { messageId: 'eventStore harus berupa EventStore' } }),
  readModels: z.custom<ReadModelStore>(hasMethods('transaction', 'getCheckpoint', 'get', 'query', 'declareCollections', 'acquireLease', 'releaseLease', 'leaseOf'), {
    error: 'readModels must be a ReadModelStore',
    params: { messageId: 'readModels harus berupa ReadModelStore' },
  }),
  projections: z
    .array(projectionSchema)
    .min(1)
    .refine((projections) => new Set(projections.map((projection) => projection.name)).size === projections.length, {
      error: 'projection names must be unique',
      params: { messageId: 'nama proyeksi tidak boleh kembar' },
    }),
  /** The runner's only source of time (progress rates, record timestamps); default the system clock. */
  clock: z.custom<() => Date>(isFunction, functionIssue('clock')).optional(),
  /** Names this instance in leases and status; default host, process id and a random suffix. */
  holderId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')
    .optional(),
  /** Events per transaction (and per readAll round trip). */
  batchSize: z.number().int().min(1).max(10_000).default(500),
  /** How long live mode sleeps without a notification before it looks anyway. */
  pollIntervalMs: z.number().int().min(5).max(3_600_000).default(1000),
  /** How long a lease outlives its last heartbeat; heartbeats come every third of it. */
  leaseTtlMs: z.number().int().min(50).max(3_600_000).default(30_000),
  /**
   * How long a build readers no longer see (after a switch, or an abandoned
   * rebuild) is kept before the lease holder deletes it: long enough for a
   * query that looked the active build up just before the switch to finish.
   */
  retiredBuildGraceMs: z.number().int().min(0).max(604_800_000).default(60_000),
  onProgress: z.custom<(progress: Progress) => void>(isFunction, functionIssue('onProgress')).optional(),
})

export type RunnerOptions = z.input<typeof runnerOptionsSchema>
export type ResolvedRunnerOptions = Omit<z.output<typeof runnerOptionsSchema>, 'projections' | 'clock' | 'holderId'> & {
  projections: Projection[]
  clock: () => Date
  holderId: string
}

export function resolveRunnerOptions(options: unknown): ResolvedRunnerOptions {
  const parsed = parseOrThrow(runnerOptionsSchema, options, { id: 'opsi pelaksana proyeksi', en: 'projection runner options' })
  return {
    ...parsed,
    // The projections as given, not zod's copies: `apply` may rely on `this`.
    projections: (options as { projections: Projection[] }).projections,
    clock: parsed.clock ?? (() => new Date()),
    holderId: parsed.holderId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  }
}
