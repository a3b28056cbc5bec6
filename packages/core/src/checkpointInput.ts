import { InvalidStoreInput } from './errors'
import { storeInputReasons as reasons } from './storeInputReasons'

/** SQLite and PostgreSQL keep positions as signed 64-bit integers. */
export const MAX_CHECKPOINT = 2n ** 63n - 1n

export type CheckpointChange = { position: bigint; expected: bigint | undefined }

/** setCheckpoint's arguments, checked the same way on every adapter (R8, R15). */
export function checkCheckpointChange(position: unknown, options: unknown, maxCheckpoint = MAX_CHECKPOINT): CheckpointChange {
  const isCheckpoint = (value: unknown): value is bigint => typeof value === 'bigint' && value >= 0n && value <= maxCheckpoint
  if (!isCheckpoint(position)) {
    throw new InvalidStoreInput({ id: 'checkpoint harus berupa bigint 64-bit non-negatif', en: 'a checkpoint must be a non-negative 64-bit bigint' }, { field: 'position' })
  }
  if (options === undefined) return { position, expected: undefined }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(reasons.notAnObject('options'), { field: 'options' })
  const { expected } = options as { expected?: unknown }
  if (expected !== undefined && !isCheckpoint(expected)) {
    throw new InvalidStoreInput({ id: 'expected harus berupa bigint 64-bit non-negatif', en: 'expected must be a non-negative 64-bit bigint' }, { field: 'expected' })
  }
  return { position, expected }
}

/**
 * The compare-and-set rule (R15): a commit that sets the checkpoint goes
 * ahead only while the projection's checkpoint is still where the batch began,
 * `expected` when the caller said so, else where the transaction began.
 */
export function checkpointStillAt(change: CheckpointChange | undefined, startedAt: bigint, current: bigint): boolean {
  return change === undefined || current === (change.expected ?? startedAt)
}
