import { InvalidStoreInput } from '@kerjasama/core'
import { checkTenantScope, optionalIntegerOption, storeInputReasons } from '@kerjasama/core/adapter'
import { MemoryDatabase, createMemoryDatabase } from './memoryDatabase'

export type CheckedOpenOptions = { tenant: string; readable: string[]; database: MemoryDatabase; maxEventBytes: number | undefined }

/** Open options come from configuration, so they are checked like any other boundary input. */
export function checkOpenOptions(options: unknown): CheckedOpenOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(storeInputReasons.storeOptionsMustBeObject, { field: 'options' })
  const { database, maxEventBytes } = options as { database?: unknown; maxEventBytes?: unknown }
  if (database !== undefined && !(database instanceof MemoryDatabase)) {
    throw new InvalidStoreInput({ id: 'database harus berasal dari createMemoryDatabase()', en: 'database must come from createMemoryDatabase()' }, { field: 'database' })
  }
  const checkedMaxEventBytes = optionalIntegerOption('maxEventBytes', maxEventBytes, 1)
  return {
    ...checkTenantScope(options),
    database: database ?? createMemoryDatabase(),
    maxEventBytes: checkedMaxEventBytes,
  }
}
