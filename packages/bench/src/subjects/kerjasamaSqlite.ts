import { openSqliteStore } from '@kerjasama/store-sqlite'
import type { SubjectFactory } from './benchSubject'
import { kerjasamaSubject } from './kerjasamaStore'

export const kerjasamaSqlite: SubjectFactory = {
  name: 'kerjasama-sqlite',
  engine: 'sqlite',
  family: 'kerjasama',
  setup: "openSqliteStore, durability 'full' (the default)",
  async open(database, options) {
    if (database.engine !== 'sqlite') throw new Error('kerjasama-sqlite needs a SQLite file')
    const store = openSqliteStore({ file: database.file, durability: options.durability === 'full' ? 'full' : 'normal' })
    return kerjasamaSubject(store, store.readModels, store.snapshots)
  },
}
