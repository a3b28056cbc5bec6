import { InvalidStoreInput } from '@kerjasama/core'
import type { ReadAllOptions, ReadStreamOptions } from '@kerjasama/core'

/** Read options checked up front so a typo fails with a coded error instead of reading the wrong range (R10). */
export function checkReadStreamOptions(options: unknown): { fromVersion: number; toVersion: number; tenant: unknown } {
  if (options === undefined) return { fromVersion: 1, toVersion: Number.MAX_SAFE_INTEGER, tenant: undefined }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput('readStream options must be an object', { field: 'options' })
  const { fromVersion, toVersion, tenant } = options as ReadStreamOptions
  return {
    fromVersion: versionBound('fromVersion', fromVersion, 1),
    toVersion: versionBound('toVersion', toVersion, Number.MAX_SAFE_INTEGER),
    tenant,
  }
}

function versionBound(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new InvalidStoreInput(`${field} must be a non-negative integer`, { field })
  return value as number
}

export const DEFAULT_READ_BATCH_SIZE = 500

export function checkReadAllOptions(options: unknown): { fromPosition: bigint; batchSize: number } {
  if (options === undefined) return { fromPosition: 1n, batchSize: DEFAULT_READ_BATCH_SIZE }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput('readAll options must be an object', { field: 'options' })
  const { fromPosition, batchSize } = options as ReadAllOptions
  if (fromPosition !== undefined && (typeof fromPosition !== 'bigint' || fromPosition < 0n)) {
    throw new InvalidStoreInput('fromPosition must be a non-negative bigint', { field: 'fromPosition' })
  }
  if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1)) {
    throw new InvalidStoreInput('batchSize must be a positive integer', { field: 'batchSize' })
  }
  return { fromPosition: fromPosition ?? 1n, batchSize: batchSize ?? DEFAULT_READ_BATCH_SIZE }
}
