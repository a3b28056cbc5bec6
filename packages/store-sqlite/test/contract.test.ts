import Database from 'better-sqlite3'
import { describeEventStoreContract, describeReadModelStoreContract, describeSnapshotStoreContract } from '@kerjasama/store-contract'
import { openSqliteReadModelStore, openSqliteStore } from '../src/index'
import { tempDatabase } from './support/tempDatabase'

describeEventStoreContract('sqlite', async () => {
  const database = tempDatabase()
  return {
    open: async (options) => openSqliteStore({ ...options, file: database.file }),
    // Edits the row the way someone with the sqlite3 CLI would: data changes, the hash column does not.
    tamper: async ({ tenant, streamId, version }) => {
      const db = new Database(database.file)
      try {
        const changed = db
          .prepare("UPDATE events SET data = json_object('tampered', 1) WHERE tenant = ? AND stream_id = ? AND version = ?")
          .run(tenant, streamId, version).changes
        if (changed !== 1) throw new Error(`no event ${tenant}/${streamId}@${version} to tamper with`)
      } finally {
        db.close()
      }
    },
    cleanup: async () => database.remove(),
  }
})

describeReadModelStoreContract('sqlite', async () => {
  const database = tempDatabase()
  return {
    open: async (options) => openSqliteReadModelStore({ ...options, file: database.file }),
    cleanup: async () => database.remove(),
  }
})

describeSnapshotStoreContract('sqlite', async () => {
  const database = tempDatabase()
  return {
    // The store's own snapshots; closing them closes the whole store, so the suite's R13 test covers both.
    open: async (options) => {
      const store = openSqliteStore({ ...options, file: database.file })
      return { ...store.snapshots, close: () => store.close() }
    },
    cleanup: async () => database.remove(),
  }
})
