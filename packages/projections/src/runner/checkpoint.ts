import { isKerjasamaError } from '@kerjasama/core'
import type { ReadModelStore, ReadModelTransaction } from '@kerjasama/core'
import { buildKey } from './buildNames'
import type { Build } from './buildNames'

/**
 * A build's checkpoint is the position of the last event its documents
 * include. It is only ever written compare-and-set on the checkpoint the
 * batch was read from (R15 of the store contract), in the batch's own
 * transaction: two runners that read the same batch — a lease that expired
 * under a paused process — can never both commit it, and the loser learns
 * so from PROJECTION_CONFLICT instead of applying it twice.
 */
export function readCheckpoint(store: Pick<ReadModelStore, 'getCheckpoint'>, projection: string, build: Build): Promise<bigint> {
  return store.getCheckpoint(buildKey(projection, build))
}

export async function commitCheckpoint(tx: ReadModelTransaction, readFrom: bigint, position: bigint): Promise<void> {
  await tx.setCheckpoint(position, { expected: readFrom })
}

/** Another writer moved the checkpoint first; nothing of ours was written, and reading the checkpoint again is the whole recovery. */
export function isCheckpointConflict(error: unknown): boolean {
  return isKerjasamaError(error) && error.code === 'PROJECTION_CONFLICT'
}
