import { openPostgresStore } from '@kerjasama/store-postgres'
import type { SubjectFactory } from './benchSubject'
import { kerjasamaSubject } from './kerjasamaStore'

export const kerjasamaPostgres: SubjectFactory = {
  name: 'kerjasama-postgres',
  engine: 'postgres',
  family: 'kerjasama',
  setup: 'openPostgresStore with a connection string (its own pool)',
  async open(database, options) {
    if (database.engine !== 'postgres') throw new Error('kerjasama-postgres needs a PostgreSQL database')
    const store = await openPostgresStore({ connectionString: database.connectionString, schema: database.schema, poolSize: Math.max(options.connections, 2) })
    return kerjasamaSubject(store, store.readModels, store.snapshots)
  },
}
