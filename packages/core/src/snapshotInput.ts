import { InvalidStoreInput } from './errors'
import type { Snapshot, SnapshotState } from './snapshotStore'
import { assertIdentifier, assertJsonValue } from './storeInput'
import { storeInputReasons as reasons } from './storeInputReasons'

/**
 * The checks every snapshot adapter runs on its input (R21), so a bad
 * snapshot is refused the same way on every backend, before anything is
 * written. Versions stay within PostgreSQL's integer, like event versions.
 */
export const MAX_SNAPSHOT_VERSION = 2_147_483_647

const SHA256_HEX = /^[0-9a-f]{64}$/
const SNAPSHOT_FIELDS = new Set(['version', 'reducerVersion', 'eventHash', 'stateDigest', 'state'])

/** A snapshot after the checks, with its state serialised once: adapters store `stateJson` as it is. */
export type SerializedSnapshot = {
  streamId: string
  version: number
  reducerVersion: number
  eventHash: string
  stateDigest: string
  stateJson: string
}

function assertVersion(field: string, value: unknown): asserts value is number {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > MAX_SNAPSHOT_VERSION) {
    throw new InvalidStoreInput(
      { id: `${field} harus berupa bilangan bulat dari 1 sampai ${MAX_SNAPSHOT_VERSION}`, en: `${field} must be an integer from 1 to ${MAX_SNAPSHOT_VERSION}` },
      { field },
    )
  }
}

function assertSha256(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) {
    throw new InvalidStoreInput({ id: `${field} harus berupa sha256 dalam 64 digit heksadesimal kecil`, en: `${field} must be a sha256 in 64 lower-case hex digits` }, { field })
  }
}

export function prepareSnapshot(streamId: unknown, snapshot: unknown): SerializedSnapshot {
  assertIdentifier('streamId', streamId)
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) throw new InvalidStoreInput(reasons.notAnObject('snapshot'), { field: 'snapshot' })
  // A misspelt field would be dropped silently, and a snapshot missing what the service checks is never used.
  if (Object.keys(snapshot).some((key) => !SNAPSHOT_FIELDS.has(key))) {
    throw new InvalidStoreInput({ id: 'snapshot memuat kolom yang tidak dikenal', en: 'the snapshot has a field that is not known' }, { field: 'snapshot' })
  }
  const { version, reducerVersion, eventHash, stateDigest, state } = snapshot as Partial<Snapshot>
  assertVersion('version', version)
  assertVersion('reducerVersion', reducerVersion)
  assertSha256('eventHash', eventHash)
  assertSha256('stateDigest', stateDigest)
  if (typeof state !== 'object' || state === null || Array.isArray(state)) throw new InvalidStoreInput(reasons.notAnObject('state'), { field: 'state' })
  assertJsonValue(state, 'state')
  return { streamId, version, reducerVersion, eventHash, stateDigest, stateJson: JSON.stringify(state) }
}

export function checkLoadSnapshot(streamId: unknown, options: unknown): { streamId: string; reducerVersion: number } {
  assertIdentifier('streamId', streamId)
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(reasons.notAnObject('options'), { field: 'options' })
  const { reducerVersion, ...rest } = options as { reducerVersion?: unknown }
  if (Object.keys(rest).length > 0) {
    throw new InvalidStoreInput({ id: 'opsi loadLatest memuat kolom yang tidak dikenal', en: 'the loadLatest options have a field that is not known' }, { field: 'options' })
  }
  assertVersion('reducerVersion', reducerVersion)
  return { streamId, reducerVersion }
}

/** A stored row back as a Snapshot; the state is parsed from its stored text, so every load hands out a fresh copy. */
export function snapshotFromRow(row: { version: number; reducerVersion: number; eventHash: string; stateDigest: string; stateJson: string }): Snapshot {
  return {
    version: row.version,
    reducerVersion: row.reducerVersion,
    eventHash: row.eventHash,
    stateDigest: row.stateDigest,
    state: JSON.parse(row.stateJson) as SnapshotState,
  }
}
