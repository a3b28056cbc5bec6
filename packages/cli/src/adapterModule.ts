import { KerjasamaError } from '@kerjasama/core'

export class AdapterMissing extends KerjasamaError {
  constructor(store: string, exportName: string) {
    super(
      'CLI_ADAPTER_MISSING',
      { id: `Adaptor ${store} belum menyediakan ${exportName}`, en: `The ${store} adapter does not provide ${exportName} yet` },
      { store, exportName },
    )
  }
}

/**
 * Adapters are imported only when chosen, so `--store memory` works on a
 * machine where the native SQLite binding or a PostgreSQL server is absent.
 */
export async function adapterExport<T>(moduleName: string, exportName: string, store: string): Promise<(options: Record<string, unknown>) => T> {
  const module = (await import(moduleName)) as Record<string, unknown>
  const open = module[exportName]
  if (typeof open !== 'function') throw new AdapterMissing(store, exportName)
  return open as (options: Record<string, unknown>) => T
}
