/**
 * The snapshot port (docs/guarantees.md R18–R21). A snapshot is a stream's
 * state folded up to a version, kept so that loading a long stream folds only
 * the events after it. It is a cache, never a record: the events stay the
 * truth, and the agreement service ignores any snapshot it cannot prove
 * equal to folding them (see service/agreementSnapshots.ts).
 */

import type { TenantId } from './store'

/** A stream's state as a snapshot holds it: a JSON object, stored as its exact JSON text. */
export type SnapshotState = Record<string, unknown>

export type Snapshot = {
  /** The stream version the state is the fold of, from 1. */
  version: number
  /**
   * Which reducer folded the state (AGREEMENT_REDUCER_VERSION for agreements).
   * A reducer that changed folds other states, so a snapshot is only ever
   * found under the reducer version it was saved with.
   */
  reducerVersion: number
  /** The hash (R11) of the stream's event at `version`: a snapshot whose event no longer has it is ignored. */
  eventHash: string
  /** sha256 the service computes over the state's JSON text and the fields above, so a row edited by hand is ignored. */
  stateDigest: string
  state: SnapshotState
}

export type LoadSnapshotOptions = {
  /** Only snapshots saved under this reducer version are found. */
  reducerVersion: number
}

/**
 * Snapshots of the streams of one tenant, keyed by (stream, reducer version,
 * version). Tenant-scoped like read models: a province's reader keeps its
 * own, never a region's (R20).
 */
export interface SnapshotStore {
  readonly tenant: TenantId
  /** The snapshot of the stream saved last under the reducer version, or undefined (R18, R19). */
  loadLatest(streamId: string, options: LoadSnapshotOptions): Promise<Snapshot | undefined>
  /**
   * Stores the snapshot as the stream's one snapshot under its reducer
   * version, replacing the one saved before whatever its version: a
   * snapshot the service could not use (one claiming a version the stream
   * never reached) is then gone with the next save, instead of shadowing
   * every later one. Snapshots of other reducer versions are kept (two
   * library versions may run side by side during an upgrade).
   */
  save(streamId: string, snapshot: Snapshot): Promise<void>
  close(): Promise<void>
}
