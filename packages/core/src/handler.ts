import { monotonicFactory } from 'ulid'
import { agreementCommandSchema, builtInGuards, decide, resolvePolicy } from './agreement'
import type { AgreementCommandInput, AgreementEvent, AgreementPolicy, AgreementState } from './agreement'
import { AgreementNotFound, ConcurrencyError, IdempotencyKeyReused, ValidationError, isKerjasamaError } from './errors'
import { agreementIdOfStream, agreementStreamId, readAgreementStream } from './service/agreementStream'
import { loadAgreement, snapshotAfterAppend } from './service/agreementSnapshots'
import { snapshotPolicyOf } from './service/snapshotOptions'
import type { SnapshotOptions } from './service/snapshotOptions'
import { assertAgreementInTenant } from './service/agreementTenant'
import { commandFingerprint } from './service/commandFingerprint'
import type { IdempotencyClaim } from './storeInput'
import { COMMAND } from './agreement/decide'
import { DEFAULT_MAX_RETRIES, checkServiceOptions, checkedIds, parseExecuteOptions, readClock } from './service/serviceOptions'
import type { ExecuteOptions } from './service/serviceOptions'
import type { Actor, AppendResult, EventMetadata, EventStore, NewEvent, StoredEvent, TenantId } from './store'
import { checkedRegionDirectory, jawaTengahRegions } from './reference/regions'
import type { RegionDirectory } from './reference/regions'
import { localizedIssue, parseOrThrow } from './validation'

export type { ExecuteOptions } from './service/serviceOptions'
export type { SnapshotOptions, SnapshotProblem } from './service/snapshotOptions'
export { AGREEMENT_STREAM_PREFIX, agreementIdOfStream, agreementStreamId } from './service/agreementStream'

export type AgreementServiceOptions = {
  store: EventStore
  /** Defaults to the wall clock. The only place the library reads it. */
  clock?: () => Date
  /** Defaults to ulid. Used for agreement ids, event ids and whatever ids decide needs. */
  ids?: () => string
  policy?: Partial<AgreementPolicy>
  /**
   * Which codes are regions. Defaults to the bundled Jawa Tengah table, where a
   * code of another province is accepted by its pattern; pass the national
   * directory (@kerjasama/regions-id) to refuse every code that is no region.
   */
  regions?: RegionDirectory
  /** How many times a command is reloaded and re-decided after a concurrent write; then the ConcurrencyError is rethrown. */
  maxRetries?: number
  /**
   * Off by default. With a snapshot store, a load folds only the events after
   * the stream's newest valid snapshot, and a snapshot is taken whenever a
   * load or an append passes a multiple of `every` events. A command with an
   * idempotency key still reads its whole stream, since the key's first
   * result may lie anywhere in it.
   */
  snapshots?: SnapshotOptions
}

export type ExecuteResult = {
  agreementId: string
  /** The stream's version after this command. */
  version: number
  events: StoredEvent[]
  /** True when the idempotency key had already been used: nothing new was written, these are the first result's events. */
  duplicate: boolean
}

export interface AgreementService {
  /**
   * Typed: a misspelt command type, field or role does not compile. It is
   * still validated at run time; untyped input (an HTTP body) goes through
   * parseAgreementCommand first.
   */
  execute(command: AgreementCommandInput, options: ExecuteOptions): Promise<ExecuteResult>
  /** The agreement's current state; AgreementNotFound when it has no events. Always equals fold(history). */
  load(agreementId: string): Promise<AgreementState>
  /**
   * Every stored event of the agreement in version order; empty when it does
   * not exist. `tenant`: an agreement of another tenant the store was granted
   * to read (a province's reader); TENANT_NOT_GRANTED for any other.
   */
  history(agreementId: string, options?: { tenant?: TenantId }): Promise<StoredEvent[]>
  readonly policy: AgreementPolicy
}

export function createAgreementService(options: AgreementServiceOptions): AgreementService {
  checkServiceOptions(options)
  const store = options.store
  const clock = options.clock ?? (() => new Date())
  const ids = checkedIds(options.ids ?? monotonicFactory())
  const policy = resolvePolicy(options.policy ?? {}, builtInGuards.map((guard) => guard.code))
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
  const regions = options.regions === undefined ? jawaTengahRegions : checkedRegionDirectory(options.regions)
  const snapshots = snapshotPolicyOf(options.snapshots, store.tenant)

  async function execute(command: AgreementCommandInput, executeOptions: ExecuteOptions): Promise<ExecuteResult> {
    const { actor, correlationId, idempotencyKey, expectedVersion } = parseExecuteOptions(executeOptions)
    const { agreementId, target, parsed, agreementIdAssigned } = addressCommand(command, ids)
    assertAgreementInTenant(store.tenant, parsed)
    const idempotency: IdempotencyClaim | undefined =
      idempotencyKey === undefined ? undefined : { key: idempotencyKey, fingerprint: commandFingerprint(parsed, actor, agreementIdAssigned) }
    const commandId = ids()
    for (let attempt = 0; ; attempt += 1) {
      const loaded = await loadAgreement(store, agreementId, idempotency === undefined ? snapshots : undefined)
      const earlier = idempotency === undefined ? [] : eventsWithKey(loaded, idempotency)
      if (earlier.length > 0) return resultOf(earlier, true)
      // After the key check, so a retried conditional write still gets its first result; before deciding, so a
      // command meant for the version the caller saw is never re-decided on one it has not seen (also on a retry below).
      if (expectedVersion !== undefined && loaded.version !== expectedVersion) throw new ConcurrencyError(agreementStreamId(agreementId), expectedVersion, loaded.version)
      const now = readClock(clock)
      const events = decide(target, loaded.state, { now, actor, newId: ids, policy, regions })
      if (events.length === 0) return { agreementId, version: loaded.version, events: [], duplicate: false }
      const metadata = metadataFor({ actor, now, commandId, correlationId, idempotency, commandType: typeOf(target) })
      try {
        const appended = await store.append(agreementStreamId(agreementId), events.map((event) => toNewEvent(event, metadata, ids())), {
          expectedVersion: loaded.version === 0 ? 'none' : loaded.version,
          // The store compares this digest of the command, not the events:
          // a retry's events carry a fresh id where the service assigned one.
          ...(idempotency === undefined ? {} : { idempotencyKey: idempotency.key, idempotencyFingerprint: idempotency.fingerprint }),
        })
        const stored = await readAppended(appended, loaded.version)
        if (!appended.duplicate) await snapshotAfterAppend(snapshots, agreementId, loaded, stored)
        return resultOf(stored, appended.duplicate)
      } catch (error) {
        // Another writer moved the stream between our read and our append:
        // re-deciding on the fresh state keeps every guard honest.
        // By code, not instanceof: the adapter may have been built on another copy of this package.
        if (isKerjasamaError(error) && error.code === 'STREAM_VERSION_CONFLICT' && attempt < maxRetries) continue
        throw error
      }
    }
  }

  function metadataFor(input: { actor: Actor; now: Date; commandId: string; correlationId: string | undefined; idempotency: IdempotencyClaim | undefined; commandType: string }): EventMetadata {
    return {
      actor: input.actor,
      correlationId: input.correlationId ?? input.commandId,
      causationId: input.commandId,
      recordedAt: input.now.toISOString(),
      commandType: input.commandType,
      // The fingerprint travels with the key so a retry is recognised from the stream itself, before deciding again.
      ...(input.idempotency === undefined ? {} : { idempotencyKey: input.idempotency.key, idempotencyFingerprint: input.idempotency.fingerprint }),
      // A region may switch a built-in rule off, but never silently: every
      // event written under that policy says so.
      ...(policy.disabledGuards.length === 0 ? {} : { disabledGuards: [...policy.disabledGuards] }),
    }
  }

  async function readAppended(appended: AppendResult, versionBefore: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = []
    // A fresh append sits right after the version we loaded; a duplicate may
    // be anywhere (even another stream), so it is found by its positions.
    const range = appended.duplicate ? {} : { fromVersion: versionBefore + 1, toVersion: appended.nextExpectedVersion }
    for await (const event of store.readStream(appended.streamId, range)) {
      if (event.position >= appended.firstPosition && event.position <= appended.lastPosition) events.push(event)
    }
    return events
  }

  async function load(agreementId: string): Promise<AgreementState> {
    const loaded = await loadAgreement(store, checkAgreementId(agreementId), snapshots)
    if (loaded.version === 0) throw new AgreementNotFound(agreementId)
    return loaded.state
  }

  async function history(agreementId: string, options?: { tenant?: TenantId }): Promise<StoredEvent[]> {
    return (await readAgreementStream(store, checkAgreementId(agreementId), options?.tenant)).stored
  }

  return { execute, load, history, policy }
}

function resultOf(events: StoredEvent[], duplicate: boolean): ExecuteResult {
  const last = events.at(-1)
  if (last === undefined) {
    throw new ValidationError({ id: 'hasil append', en: 'append result' }, [
      localizedIssue('events', { id: 'penyimpanan tidak mengembalikan satu pun peristiwa untuk append', en: 'the store returned no events for an append' }),
    ])
  }
  return { agreementId: agreementIdOfStream(last.streamId), version: last.version, events, duplicate }
}

/**
 * Earlier events written under this idempotency key: a retried command returns
 * them instead of being decided again; the key used for another command is refused.
 */
function eventsWithKey(loaded: { stored: StoredEvent[] }, claim: IdempotencyClaim): StoredEvent[] {
  const earlier = loaded.stored.filter((event) => event.metadata.idempotencyKey === claim.key)
  const recorded = earlier[0]?.metadata.idempotencyFingerprint
  // Events recorded before fingerprints were kept carry none; they answer a
  // retry as they always did (docs/guarantees.md, R4).
  if (typeof recorded === 'string' && recorded !== claim.fingerprint) throw new IdempotencyKeyReused(claim.key)
  return earlier
}

function toNewEvent(event: AgreementEvent, metadata: EventMetadata, id: string): NewEvent {
  return { id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata }
}

function typeOf(command: unknown): string {
  return typeof command === 'object' && command !== null && typeof (command as { type?: unknown }).type === 'string' ? (command as { type: string }).type : ''
}

/**
 * Finds the stream a command addresses. IdentifyCooperation may come without
 * an id: the service gives it one (the caller learns it from the result).
 * The command is parsed here only to know where to load from; decide parses it
 * again, so the rules for a valid command live in one place.
 */
function addressCommand(command: unknown, ids: () => string): { agreementId: string; target: unknown; parsed: object; agreementIdAssigned: boolean } {
  let target = command
  const agreementIdAssigned = typeOf(command) === 'IdentifyCooperation' && (command as { agreementId?: unknown }).agreementId === undefined
  if (agreementIdAssigned) {
    target = { ...(command as object), agreementId: ids() }
  }
  const parsed = parseOrThrow(agreementCommandSchema, target, COMMAND)
  const agreementId = (parsed as { agreementId?: unknown }).agreementId
  if (typeof agreementId !== 'string' || agreementId.length === 0) {
    throw new ValidationError(COMMAND, [localizedIssue('agreementId', { id: 'id kerja sama wajib diisi', en: 'an agreement id is required' })])
  }
  return { agreementId, target, parsed, agreementIdAssigned }
}

function checkAgreementId(agreementId: unknown): string {
  if (typeof agreementId !== 'string' || agreementId.length === 0) {
    throw new ValidationError({ id: 'id kerja sama', en: 'agreement id' }, [
      localizedIssue('agreementId', { id: 'id kerja sama harus berupa string yang tidak kosong', en: 'an agreement id must be a non-empty string' }),
    ])
  }
  return agreementId
}
