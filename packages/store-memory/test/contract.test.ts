import { describeEventStoreContract, describeReadModelStoreContract, describeSnapshotStoreContract } from '@kerjasama/store-contract'
import { createMemoryDatabase, openMemoryReadModelStore, openMemorySnapshotStore, openMemoryStore } from '../src/index'

describeEventStoreContract('memory', async () => {
  const database = createMemoryDatabase()
  return {
    open: async (options = {}) => openMemoryStore({ ...options, database }),
    tamper: async (target) => database.tamperForTesting(target),
    cleanup: async () => {},
  }
})

describeReadModelStoreContract('memory', async () => {
  const database = createMemoryDatabase()
  return {
    open: async (options = {}) => openMemoryReadModelStore({ ...options, database }),
    cleanup: async () => {},
  }
})

describeSnapshotStoreContract('memory', async () => {
  const database = createMemoryDatabase()
  return {
    open: async (options = {}) => openMemorySnapshotStore({ tenant: options.tenant, database }),
    cleanup: async () => {},
  }
})
