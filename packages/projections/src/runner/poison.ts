import { z } from 'zod'
import { KerjasamaError, isKerjasamaError, parseOrThrow } from '@kerjasama/core'
import type { ReadModelStore, ReadModelTransaction, StoredEvent } from '@kerjasama/core'
import { RUNNER_COLLECTIONS, buildKey, buildSchema } from './buildNames'
import { commitCheckpoint, isCheckpointConflict } from './checkpoint'
import type { Build } from './buildNames'

/**
 * A poison event is one whose `apply` throws. Its build stops there, with a
 * failure record committed in the same transaction as the checkpoint before
 * it, so the record and the checkpoint can never disagree. The event is
 * never passed over on its own: only `skip`, an operator's recorded act, or
 * a fixed projection moves the build past it.
 */
const positionText = z.string().regex(/^\d+$/)

export const failureRecordSchema = z.strictObject({
  projection: z.string(),
  build: buildSchema,
  /** The last position committed before the poison event. */
  checkpoint: positionText,
  position: positionText,
  tenant: z.string(),
  streamId: z.string(),
  eventVersion: z.number().int(),
  eventType: z.string(),
  failedAt: z.string(),
  /**
   * What `apply` threw. Its message stays in this record (in the read-model
   * store, where an operator debugging the projection looks) and in the
   * error's `cause`, never in the error's own message or details, which end
   * up in logs and must not carry event content.
   */
  cause: z.strictObject({ name: z.string(), code: z.string().nullable(), message: z.string() }),
})
export type FailureRecord = z.infer<typeof failureRecordSchema>

const MAX_CAUSE_MESSAGE = 1000

export function failureRecordOf(projection: string, build: Build, checkpoint: bigint, event: StoredEvent, error: unknown, at: Date): FailureRecord {
  const name = error instanceof Error ? error.name : typeof error
  const message = error instanceof Error ? error.message : String(error)
  return {
    projection,
    build,
    checkpoint: String(checkpoint),
    position: String(event.position),
    tenant: event.tenant,
    streamId: event.streamId,
    eventVersion: event.version,
    eventType: event.type,
    failedAt: at.toISOString(),
    cause: { name, code: isKerjasamaError(error) ? error.code : null, message: message.slice(0, MAX_CAUSE_MESSAGE) },
  }
}

export async function writeFailureRecord(tx: ReadModelTransaction, record: FailureRecord): Promise<void> {
  await tx.put(RUNNER_COLLECTIONS.failures, buildKey(record.projection, record.build), record)
}

export async function clearFailureRecord(tx: ReadModelTransaction, projection: string, build: Build): Promise<void> {
  await tx.delete(RUNNER_COLLECTIONS.failures, buildKey(projection, build))
}

const FAILURE_RECORD = { id: 'catatan kegagalan proyeksi', en: 'projection failure record' }

export async function readFailureRecord(reader: Pick<ReadModelStore, 'get'> | Pick<ReadModelTransaction, 'get'>, projection: string, build: Build): Promise<FailureRecord | undefined> {
  const document = await reader.get(RUNNER_COLLECTIONS.failures, buildKey(projection, build))
  return document === undefined ? undefined : parseOrThrow(failureRecordSchema, document, FAILURE_RECORD)
}

/** A build stopped at a poison event; it names the event by position, stream, version and type, never by content. */
export class ProjectionFailed extends KerjasamaError {
  constructor(record: FailureRecord) {
    const { projection, build, position, streamId, eventVersion, eventType } = record
    super(
      'PROJECTION_FAILED',
      {
        id:
          `Proyeksi ${projection} versi ${build.version} berhenti pada peristiwa posisi ${position} (aliran ${streamId}, versi ${eventVersion}, jenis ${eventType}) karena peristiwa itu tidak dapat diterapkan. ` +
          'Peristiwa tersebut tidak dilewati; perbaiki proyeksinya lalu jalankan kembali, atau lewati peristiwa itu secara tercatat dengan perintah skip',
        en:
          `Projection ${projection} version ${build.version} stopped at the event at position ${position} (stream ${streamId}, version ${eventVersion}, type ${eventType}) because it could not be applied. ` +
          'The event has not been skipped; fix the projection and run it again, or skip the event on record with the skip command',
      },
      {
        projection,
        version: build.version,
        generation: build.generation,
        checkpoint: record.checkpoint,
        position,
        tenant: record.tenant,
        streamId,
        eventVersion,
        eventType,
        failedAt: record.failedAt,
        causeName: record.cause.name,
        causeCode: record.cause.code,
      },
      { cause: Object.assign(new Error(record.cause.message), { name: record.cause.name }) },
    )
  }
}

const actorSchema = z.strictObject({
  id: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(100),
  actsFor: z.string().trim().min(1).max(200).optional(),
})

export const skipOptionsSchema = z.strictObject({
  /** Why the event may be passed over; kept in the skip record for whoever audits the read model later. */
  reason: z.string().trim().min(1).max(1000),
  actor: actorSchema,
})
export type SkipOptions = z.input<typeof skipOptionsSchema>

export const skipRecordSchema = z.strictObject({
  projection: z.string(),
  build: buildSchema,
  position: positionText,
  tenant: z.string(),
  streamId: z.string(),
  eventVersion: z.number().int(),
  eventType: z.string(),
  reason: z.string(),
  actor: actorSchema,
  skippedAt: z.string(),
})
export type SkipRecord = z.infer<typeof skipRecordSchema>

export function skipRecordId(projection: string, build: Build, position: bigint): string {
  return `${buildKey(projection, build)}:${position}`
}

/** Skip was asked for an event that is not the one the projection stopped at; nothing was skipped. */
export class ProjectionSkipRefused extends KerjasamaError {
  constructor(projection: string, position: bigint, failedPosition: string | null) {
    super(
      'PROJECTION_SKIP_REFUSED',
      failedPosition === null
        ? {
            id: `Proyeksi ${projection} tidak sedang berhenti pada peristiwa mana pun; tidak ada yang dilewati`,
            en: `Projection ${projection} has not stopped at any event; nothing was skipped`,
          }
        : {
            id: `Proyeksi ${projection} berhenti pada posisi ${failedPosition}, bukan ${position}; hanya peristiwa yang menghentikannya yang dapat dilewati, dan tidak ada yang dilewati`,
            en: `Projection ${projection} stopped at position ${failedPosition}, not ${position}; only the event it stopped at can be skipped, and nothing was skipped`,
          },
      { projection, position: String(position), failedPosition },
    )
  }
}

/**
 * Skips the event a build stopped at, on record: in one transaction, the
 * checkpoint moves past it (compare-and-set on the checkpoint the failure
 * was committed with), the skip record is written and the failure record
 * removed. The documents never include the skipped event; the record says
 * which event, who and why.
 */
export async function skipPoisonEvent(
  store: ReadModelStore,
  failure: FailureRecord,
  options: z.output<typeof skipOptionsSchema>,
  at: Date,
): Promise<SkipRecord> {
  const position = BigInt(failure.position)
  const record: SkipRecord = {
    projection: failure.projection,
    build: failure.build,
    position: failure.position,
    tenant: failure.tenant,
    streamId: failure.streamId,
    eventVersion: failure.eventVersion,
    eventType: failure.eventType,
    reason: options.reason,
    actor: options.actor,
    skippedAt: at.toISOString(),
  }
  await store.transaction(buildKey(failure.projection, failure.build), async (tx) => {
    await commitCheckpoint(tx, BigInt(failure.checkpoint), position)
    await tx.put(RUNNER_COLLECTIONS.skips, skipRecordId(failure.projection, failure.build, position), record)
    await clearFailureRecord(tx, failure.projection, failure.build)
  })
  return record
}

const SKIP_ATTEMPTS = 5

/**
 * Skips the event at `position` if it is the one a build of `name` stopped
 * at (P7). The checkpoint may move between reading the failures and the
 * skip's commit (another skip of the same event, the runner passing it after
 * a fix): the commit's compare-and-set then fails, and what stands now
 * decides, read again — so the second of two skips is refused as a skip, not
 * with the store's conflict.
 */
export async function skipFailedEvent(
  store: ReadModelStore,
  name: string,
  position: bigint,
  failuresNow: () => Promise<FailureRecord[]>,
  options: z.output<typeof skipOptionsSchema>,
  at: Date,
): Promise<SkipRecord> {
  for (let attempt = 1; ; attempt += 1) {
    const failures = await failuresNow()
    const failure = failures.find((record) => record.position === String(position))
    if (failure === undefined) throw new ProjectionSkipRefused(name, position, failures[0]?.position ?? null)
    try {
      return await skipPoisonEvent(store, failure, options, at)
    } catch (error) {
      if (!isCheckpointConflict(error) || attempt >= SKIP_ATTEMPTS) throw error
    }
  }
}
