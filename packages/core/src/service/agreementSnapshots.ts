import { freeze } from 'immer'
import { z } from 'zod'
import { evolve, evolveInPlace, initialState, parseAgreementEvent } from '../agreement'
import type { AgreementEvent, AgreementState } from '../agreement'
import { AGREEMENT_REDUCER_VERSION } from '../agreement/reducerVersion'
import { parseAgreementState } from '../agreement/stateSchema'
import type { Snapshot } from '../snapshotStore'
import type { EventStore, StoredEvent } from '../store'
import { agreementStreamId, readAgreementStream } from './agreementStream'
import { snapshotDigest } from './snapshotDigest'
import type { SnapshotPolicy, SnapshotProblem } from './snapshotOptions'

/**
 * Loading an agreement with snapshots: the newest snapshot under this
 * reducer version, checked against the stored events, then only the events
 * after it. Whatever goes wrong with a snapshot (none, unreadable, edited,
 * of another fold, its event changed) the stream is folded from the start,
 * so a load with snapshots always equals a load without (the property test
 * in test/properties/snapshotEquivalence.test.ts).
 */
export type AgreementLoad = {
  state: AgreementState
  /** 0 when the stream does not exist. */
  version: number
  /** The version `state` was folded on from: a snapshot's, or 0 when the whole stream was read. */
  baseVersion: number
  /** The stored events after baseVersion, in version order: the whole stream when baseVersion is 0. */
  stored: StoredEvent[]
}

// What a snapshot store hands back is read like any stored input: a lying or
// broken adapter must not make the load fail or read the wrong range.
const snapshotShape = z.object({
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  reducerVersion: z.number(),
  eventHash: z.string(),
  stateDigest: z.string(),
  state: z.record(z.string(), z.unknown()),
})

/** Folds the agreement's stream, from its newest valid snapshot when `policy` is given, and takes a snapshot when the fold passed a multiple of `every`. */
export async function loadAgreement(store: EventStore, agreementId: string, policy: SnapshotPolicy | undefined): Promise<AgreementLoad> {
  const loaded = (policy === undefined ? undefined : await fromSnapshot(store, agreementId, policy)) ?? (await fromStart(store, agreementId))
  if (policy !== undefined && passesMultiple(loaded.baseVersion, loaded.version, policy.every)) await save(policy, agreementId, loaded.state, loaded.stored.at(-1))
  return loaded
}

/**
 * After an append: the snapshot is the loaded state (itself folded from
 * stored events and a checked snapshot, and frozen, so deciding cannot have
 * changed it) folded on with the events as the store read them back, never
 * with the events decide returned. `appended` must continue the loaded
 * stream exactly; anything else (a duplicate, a gap) takes no snapshot.
 */
export async function snapshotAfterAppend(policy: SnapshotPolicy | undefined, agreementId: string, loaded: AgreementLoad, appended: StoredEvent[]): Promise<void> {
  const last = appended.at(-1)
  if (policy === undefined || last === undefined || !passesMultiple(loaded.version, last.version, policy.every)) return
  if (!appended.every((event, index) => event.version === loaded.version + 1 + index)) return
  const state = appended.reduce((folded, event) => evolve(folded, parseAgreementEvent(event.type, event.schemaVersion, event.data)), loaded.state)
  await save(policy, agreementId, state, last)
}

/** True when folding from version `from` to `to` passed a multiple of `every`. */
function passesMultiple(from: number, to: number, every: number): boolean {
  return Math.floor(to / every) > Math.floor(from / every)
}

async function fromStart(store: EventStore, agreementId: string): Promise<AgreementLoad> {
  const loaded = await readAgreementStream(store, agreementId)
  return { state: foldPrivately(structuredClone(initialState) as AgreementState, loaded.events), version: loaded.version, baseVersion: 0, stored: loaded.stored }
}

async function fromSnapshot(store: EventStore, agreementId: string, policy: SnapshotPolicy): Promise<AgreementLoad | undefined> {
  const streamId = agreementStreamId(agreementId)
  let found: Snapshot | undefined
  try {
    found = await policy.store.loadLatest(streamId, { reducerVersion: AGREEMENT_REDUCER_VERSION })
  } catch (error) {
    policy.report({ kind: 'load-failed', streamId, error })
    return undefined
  }
  if (found === undefined) return undefined
  const ignored = (reason: Extract<SnapshotProblem, { kind: 'ignored' }>['reason']): undefined => {
    policy.report({ kind: 'ignored', streamId, version: (found as { version?: unknown }).version, reason })
    return undefined
  }
  const parsed = snapshotShape.safeParse(found)
  if (!parsed.success) return ignored('malformed')
  const snapshot = parsed.data
  if (snapshot.reducerVersion !== AGREEMENT_REDUCER_VERSION) return ignored('reducer-version')
  const stateJson = JSON.stringify(snapshot.state)
  const digest = snapshotDigest({ tenant: policy.tenant, streamId, version: snapshot.version, reducerVersion: snapshot.reducerVersion, eventHash: snapshot.eventHash, stateJson })
  if (digest !== snapshot.stateDigest) return ignored('state-digest')
  const state = parseAgreementState(snapshot.state)
  if (state === undefined) return ignored('state-shape')

  // One read from the snapshot's own version: its event proves the snapshot
  // still describes this stream (the event at that version has the hash it
  // was folded from), and the rest is the tail to fold.
  const read: StoredEvent[] = []
  for await (const event of store.readStream(streamId, { fromVersion: snapshot.version })) read.push(event)
  const [anchor, ...tail] = read
  if (anchor === undefined || anchor.version !== snapshot.version) return ignored('event-missing')
  if (anchor.hash !== snapshot.eventHash) return ignored('event-hash')
  const folded = foldPrivately(state, tail.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data)))
  return { state: folded, version: tail.at(-1)?.version ?? snapshot.version, baseVersion: snapshot.version, stored: tail }
}

/**
 * The load's own fold, equal to `fold`/`evolve` (evolveInPlace's property
 * test) but made in place and frozen once: `start` (a clone of the initial
 * state, or the state parsed from a snapshot) and `events` (parsed from the
 * store for this load) are objects nobody else holds, so no state between
 * them needs to exist — and making a frozen one per event was most of the
 * time a long stream, or a tail after a snapshot, took to load.
 */
function foldPrivately(start: AgreementState, events: readonly AgreementEvent[]): AgreementState {
  for (const event of events) evolveInPlace(start, event)
  return freeze(start, true)
}

async function save(policy: SnapshotPolicy, agreementId: string, state: AgreementState, last: StoredEvent | undefined): Promise<void> {
  if (last === undefined) return
  const streamId = agreementStreamId(agreementId)
  const stateJson = JSON.stringify(state)
  const snapshot: Snapshot = {
    version: last.version,
    reducerVersion: AGREEMENT_REDUCER_VERSION,
    eventHash: last.hash,
    stateDigest: snapshotDigest({ tenant: policy.tenant, streamId, version: last.version, reducerVersion: AGREEMENT_REDUCER_VERSION, eventHash: last.hash, stateJson }),
    // The store keeps the JSON text; parsing it back hands the store a plain object of its own.
    state: JSON.parse(stateJson) as Snapshot['state'],
  }
  try {
    await policy.store.save(streamId, snapshot)
  } catch (error) {
    // The events are stored already (or this was a read): a snapshot that
    // cannot be saved only makes the next load fold a longer tail, so it must
    // never turn a recorded command into a reported failure the caller retries.
    policy.report({ kind: 'save-failed', streamId, error })
  }
}
