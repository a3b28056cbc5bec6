import { KerjasamaError } from '@kerjasama/core'
import type { EventStore } from '@kerjasama/core'
import type { CliArgs } from './args'
import { claimDemoFile, markDemoFileInProgress } from './demoFile'

export class AdapterMissing extends KerjasamaError {
  constructor(store: string, exportName: string) {
    super(
      'CLI_ADAPTER_MISSING',
      { id: `Adaptor ${store} belum menyediakan ${exportName}`, en: `The ${store} adapter does not provide ${exportName} yet` },
      { store, exportName },
    )
  }
}

type Opener = (options: Record<string, unknown>) => EventStore | Promise<EventStore>

/**
 * Adapters are imported only when chosen, so `--store memory` works on a
 * machine where the native SQLite binding or a PostgreSQL server is absent.
 */
async function opener(moduleName: string, exportName: string, store: string): Promise<Opener> {
  const module = (await import(moduleName)) as Record<string, unknown>
  const open = module[exportName]
  if (typeof open !== 'function') throw new AdapterMissing(store, exportName)
  return open as Opener
}

export type OpenPurpose = 'demo' | 'verify'

export async function openStore(args: CliArgs, purpose: OpenPurpose, env: NodeJS.ProcessEnv = process.env): Promise<EventStore> {
  switch (args.store) {
    case 'memory':
      return (await opener('@kerjasama/store-memory', 'openMemoryStore', 'memory'))({})
    case 'sqlite': {
      // The demo starts from an empty file each run so its output is the same
      // every time, but it may only empty a file it owns (see claimDemoFile).
      const ownedByDemo = purpose === 'demo' && args.file !== ':memory:'
      const file = ownedByDemo ? claimDemoFile(args.file) : args.file
      const store = await (await opener('@kerjasama/store-sqlite', 'openSqliteStore', 'sqlite'))({ file })
      if (ownedByDemo) markDemoFileInProgress(file)
      return store
    }
    case 'postgres': {
      const open = await opener('@kerjasama/store-postgres', 'openPostgresStore', 'postgres')
      // Without DATABASE_URL the pg driver reads the standard PG* variables itself.
      return open(env.DATABASE_URL === undefined ? { schema: args.schema } : { connectionString: env.DATABASE_URL, schema: args.schema })
    }
  }
}
