import { z } from 'zod'
import { ValidationError } from '../errors'
import { customError, localizedIssue, parseOrThrow } from '../validation'
import type { Actor } from '../store'
import { roles } from '../agreement/roles'
import { isRegionDirectory } from '../reference/regionDirectory'
import type { RegionDirectory } from '../reference/regionDirectory'
import { snapshotOptionsSchema } from './snapshotOptions'

/**
 * The service is the edge where untrusted callers meet the decider, so its own
 * options are validated like commands: a malformed actor must surface as a
 * coded ValidationError, never as a TypeError from deep inside decide.
 */
const nonEmpty = z.string().trim().min(1).max(200)

/**
 * `actsFor` is required: a region code for the region's officers, a partnerId
 * (at most 100 characters, like every id) for a partner's user. Strict like
 * commands, so a misspelt `idempotencyKey` is refused rather than lost, which
 * would let a retried command be recorded twice.
 */
export const actorSchema = z.strictObject({ id: nonEmpty, role: z.enum(roles), actsFor: z.string().trim().min(1).max(100) })

export const executeOptionsSchema = z.strictObject({
  actor: actorSchema,
  correlationId: nonEmpty.optional(),
  idempotencyKey: nonEmpty.optional(),
  expectedVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
})

export type ExecuteOptions = {
  actor: Actor
  correlationId?: string
  idempotencyKey?: string
  /**
   * The version the caller decided on (an HTTP If-Match). When the stream is
   * at another version the command is not decided at all: ConcurrencyError
   * (STREAM_VERSION_CONFLICT), nothing written, and no re-deciding on the
   * fresh state, since the caller has not seen it.
   */
  expectedVersion?: number
}

/** Default bound on reload-and-retry after a concurrent writer moved the stream. */
export const DEFAULT_MAX_RETRIES = 3
const MAX_RETRIES_LIMIT = 100

const serviceOptionsShape = z.object({
  store: z.custom<object>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Record<string, unknown>).append === 'function' &&
      typeof (value as Record<string, unknown>).readStream === 'function' &&
      // The service checks whose agreements the store may hold by its tenant.
      typeof (value as Record<string, unknown>).tenant === 'string',
    customError({ id: 'store harus memenuhi port EventStore (tenant, append, readStream)', en: 'store must implement the EventStore port (tenant, append, readStream)' }),
  ),
  clock: z.custom<() => Date>((value) => typeof value === 'function', customError({ id: 'clock harus berupa fungsi', en: 'clock must be a function' })).optional(),
  ids: z.custom<() => string>((value) => typeof value === 'function', customError({ id: 'ids harus berupa fungsi', en: 'ids must be a function' })).optional(),
  policy: z.record(z.string(), z.unknown()).optional(),
  regions: z.custom<RegionDirectory>(isRegionDirectory, customError({ id: 'regions harus berupa direktori wilayah (createRegionDirectory)', en: 'regions must be a region directory (createRegionDirectory)' })).optional(),
  maxRetries: z.number().int().min(0).max(MAX_RETRIES_LIMIT).optional(),
  snapshots: snapshotOptionsSchema.optional(),
})

export function parseExecuteOptions(options: unknown): ExecuteOptions {
  const { actor, correlationId, idempotencyKey, expectedVersion } = parseOrThrow(executeOptionsSchema, options, { id: 'opsi execute', en: 'execute options' })
  return {
    actor: { id: actor.id, role: actor.role, actsFor: actor.actsFor },
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  }
}

export function checkServiceOptions(options: unknown): void {
  parseOrThrow(serviceOptionsShape, options, { id: 'opsi layanan kerja sama', en: 'agreement service options' })
}

/** The injected clock and id generator are caller code; a bad value from them must not reach the store. */
export function readClock(clock: () => Date): Date {
  const now = clock()
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new ValidationError({ id: 'clock (jam)', en: 'clock' }, [localizedIssue('clock', { id: 'clock harus mengembalikan Date yang valid', en: 'the clock must return a valid Date' })])
  }
  return now
}

export function checkedIds(ids: () => string): () => string {
  return () => {
    const id = ids()
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) {
      throw new ValidationError({ id: 'ids (pembuat id)', en: 'ids' }, [
        localizedIssue('ids', {
          id: 'pembuat id harus mengembalikan string yang tidak kosong dan paling panjang 100 karakter',
          en: 'the id generator must return a non-empty string of at most 100 characters',
        }),
      ])
    }
    return id
  }
}
