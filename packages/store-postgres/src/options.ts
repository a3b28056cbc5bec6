import { InvalidStoreInput, checkTenantScope, optionalIntegerOption } from '@kerjasama/core'
import { schemaNames } from './schemaName'
import type { SchemaNames } from './schemaName'

export type CheckedPostgresOptions = {
  names: SchemaNames
  tenant: string
  readable: string[]
  maxEventBytes: number | undefined
  poolSize: number
  notify: boolean
  settleTimeoutMs: number
}

export const DEFAULT_POOL_SIZE = 10
export const DEFAULT_SETTLE_TIMEOUT_MS = 1000

/**
 * Every open option is checked before the store connects: a typo in
 * configuration fails with a coded error naming the field, and no pool is
 * left open behind it.
 */
export function checkPostgresOptions(options: unknown): CheckedPostgresOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput('options must be an object', { field: 'options' })
  const { schema, pool, connectionString, poolSize, maxEventBytes, notify, settleTimeoutMs } = options as Record<string, unknown>
  const names = schemaNames(schema ?? 'kerjasama')
  if (pool !== undefined && (typeof pool !== 'object' || pool === null || typeof (pool as { connect?: unknown }).connect !== 'function')) {
    throw new InvalidStoreInput('pool must be a pg Pool', { field: 'pool' })
  }
  if (connectionString !== undefined && typeof connectionString !== 'string') {
    throw new InvalidStoreInput('connectionString must be a string', { field: 'connectionString' })
  }
  if (notify !== undefined && typeof notify !== 'boolean') throw new InvalidStoreInput('notify must be true or false', { field: 'notify' })
  const checkedPoolSize = optionalIntegerOption('poolSize', poolSize, 1)
  const checkedMaxEventBytes = optionalIntegerOption('maxEventBytes', maxEventBytes, 1)
  const checkedSettleTimeoutMs = optionalIntegerOption('settleTimeoutMs', settleTimeoutMs, 0)
  return {
    names,
    ...checkTenantScope(options),
    maxEventBytes: checkedMaxEventBytes,
    poolSize: checkedPoolSize ?? DEFAULT_POOL_SIZE,
    notify: notify ?? true,
    settleTimeoutMs: checkedSettleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS,
  }
}
