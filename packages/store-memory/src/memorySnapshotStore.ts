import { StoreClosed } from '@kerjasama/core'
import { checkLoadSnapshot, prepareSnapshot, snapshotFromRow } from '@kerjasama/core/adapter'
import type { SnapshotStore, TenantScope } from '@kerjasama/core'
import { snapshotKey } from './memoryDatabase'
import type { MemoryDatabase } from './memoryDatabase'
import { checkOpenOptions } from './openOptions'

export type MemorySnapshotStoreOptions = Pick<TenantScope, 'tenant'> & { database?: MemoryDatabase }

/**
 * Snapshots of the store's own tenant (R18–R21): one per stream and reducer
 * version, the one saved last.
 */
export function openMemorySnapshotStore(options: MemorySnapshotStoreOptions = {}): SnapshotStore {
  const { tenant, database } = checkOpenOptions(options)
  let closed = false
  const assertOpen = (): void => {
    if (closed) throw new StoreClosed()
  }

  return {
    tenant,

    async loadLatest(streamId, loadOptions) {
      assertOpen()
      const checked = checkLoadSnapshot(streamId, loadOptions)
      const row = database.snapshots.get(snapshotKey(tenant, checked.streamId, checked.reducerVersion))
      return row === undefined ? undefined : snapshotFromRow(row)
    },

    async save(streamId, snapshot) {
      assertOpen()
      const prepared = prepareSnapshot(streamId, snapshot)
      database.snapshots.set(snapshotKey(tenant, prepared.streamId, prepared.reducerVersion), {
        version: prepared.version,
        reducerVersion: prepared.reducerVersion,
        eventHash: prepared.eventHash,
        stateDigest: prepared.stateDigest,
        stateJson: prepared.stateJson,
      })
    },

    async close() {
      closed = true
    },
  }
}
