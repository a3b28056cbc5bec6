import { InvalidStoreInput } from '@kerjasama/core'
import { checkTenantScope, optionalIntegerOption, storeInputReasons } from '@kerjasama/core/adapter'
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
  readOnly: boolean
}

export const DEFAULT_POOL_SIZE = 10
export const DEFAULT_SETTLE_TIMEOUT_MS = 1000

/**
 * Every open option is checked before the store connects: a typo in
 * configuration fails with a coded error naming the field, and no pool is
 * left open behind it.
 */
export function checkPostgresOptions(options: unknown): CheckedPostgresOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(storeInputReasons.storeOptionsMustBeObject, { field: 'options' })
  const { schema, pool, connectionString, poolSize, maxEventBytes, notify, settleTimeoutMs, readOnly } = options as Record<string, unknown>
  const names = schemaNames(schema ?? 'kerjasama')
  if (pool !== undefined && (typeof pool !== 'object' || pool === null || typeof (pool as { connect?: unknown }).connect !== 'function')) {
    throw new InvalidStoreInput({ id: 'pool harus berupa Pool dari pg', en: 'pool must be a pg Pool' }, { field: 'pool' })
  }
  if (connectionString !== undefined && typeof connectionString !== 'string') {
    throw new InvalidStoreInput(storeInputReasons.mustBeString('connectionString'), { field: 'connectionString' })
  }
  if (notify !== undefined && typeof notify !== 'boolean') throw new InvalidStoreInput({ id: 'notify harus true atau false', en: 'notify must be true or false' }, { field: 'notify' })
  if (readOnly !== undefined && typeof readOnly !== 'boolean') throw new InvalidStoreInput({ id: 'readOnly harus true atau false', en: 'readOnly must be true or false' }, { field: 'readOnly' })
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
    readOnly: readOnly ?? false,
  }
}
