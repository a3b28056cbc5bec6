import { InvalidStoreInput } from '@kerjasama/core'

/** SQLite integers are signed 64-bit; a position beyond this cannot exist. */
export const MAX_POSITION = 2n ** 63n - 1n
export const DEFAULT_READ_BATCH_SIZE = 500

export type StreamRange = { fromVersion: number; toVersion: number; tenant: unknown }

/** Read options are checked up front so a typo fails with a coded error instead of reading the wrong range (R10). */
export function checkReadStreamOptions(options: unknown): StreamRange {
  if (options === undefined) return { fromVersion: 1, toVersion: Number.MAX_SAFE_INTEGER, tenant: undefined }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput('readStream options must be an object', { field: 'options' })
  const { fromVersion, toVersion, tenant } = options as Record<string, unknown>
  return { fromVersion: versionBound('fromVersion', fromVersion, 1), toVersion: versionBound('toVersion', toVersion, Number.MAX_SAFE_INTEGER), tenant }
}

function versionBound(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new InvalidStoreInput(`${field} must be a non-negative integer`, { field })
  return value as number
}

export function checkReadAllOptions(options: unknown): { fromPosition: bigint; batchSize: number } {
  if (options === undefined) return { fromPosition: 1n, batchSize: DEFAULT_READ_BATCH_SIZE }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput('readAll options must be an object', { field: 'options' })
  const { fromPosition, batchSize } = options as Record<string, unknown>
  if (fromPosition !== undefined && (typeof fromPosition !== 'bigint' || fromPosition < 0n)) {
    throw new InvalidStoreInput('fromPosition must be a non-negative bigint', { field: 'fromPosition' })
  }
  if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || (batchSize as number) < 1)) {
    throw new InvalidStoreInput('batchSize must be a positive integer', { field: 'batchSize' })
  }
  return { fromPosition: (fromPosition as bigint | undefined) ?? 1n, batchSize: (batchSize as number | undefined) ?? DEFAULT_READ_BATCH_SIZE }
}
