import { StoreClosed, StoreReadOnly } from '@kerjasama/core'
import { checkLoadSnapshot, prepareSnapshot, snapshotFromRow } from '@kerjasama/core/adapter'
import type { SerializedSnapshot } from '@kerjasama/core/adapter'
import type { SnapshotStore } from '@kerjasama/core'
import type { SqliteConnection } from './connection'
import { toStoreError } from './sqliteErrors'

type SnapshotRow = { version: number; reducer_version: number; event_hash: string; state_digest: string; state: string }

/**
 * Snapshots of one tenant (R18–R21), on the connection of its event store.
 * A save is one short write transaction that replaces the stream's snapshot
 * under the reducer version, whatever version it had.
 */
export function createSqliteSnapshotStore(connection: SqliteConnection, tenant: string, options: { readOnly: boolean; onClose: () => void }): SnapshotStore {
  const { db } = connection
  // ORDER BY and LIMIT although a save leaves one row per stream and reducer
  // version: a file edited by hand may hold more, and the newest is the one to try.
  const latest = db.prepare<[string, string, number], SnapshotRow>(
    `SELECT version, reducer_version, event_hash, state_digest, state FROM snapshots
     WHERE tenant = ? AND stream_id = ? AND reducer_version = ? ORDER BY version DESC LIMIT 1`,
  )
  const replaced = db.prepare<[string, string, number]>('DELETE FROM snapshots WHERE tenant = ? AND stream_id = ? AND reducer_version = ?')
  const insert = db.prepare<[{ tenant: string } & SerializedSnapshot]>(
    `INSERT INTO snapshots (tenant, stream_id, reducer_version, version, event_hash, state_digest, state)
     VALUES (@tenant, @streamId, @reducerVersion, @version, @eventHash, @stateDigest, @stateJson)`,
  )
  const saveInTransaction = db.transaction((prepared: SerializedSnapshot) => {
    replaced.run(tenant, prepared.streamId, prepared.reducerVersion)
    insert.run({ tenant, ...prepared })
  })
  let closed = false
  const assertOpen = (): void => {
    if (closed || !connection.isOpen()) throw new StoreClosed()
  }

  return {
    tenant,

    async loadLatest(streamId, loadOptions) {
      assertOpen()
      const checked = checkLoadSnapshot(streamId, loadOptions)
      let row: SnapshotRow | undefined
      try {
        row = latest.get(tenant, checked.streamId, checked.reducerVersion)
      } catch (error) {
        throw toStoreError(error, 'snapshots.loadLatest')
      }
      return row === undefined
        ? undefined
        : snapshotFromRow({ version: row.version, reducerVersion: row.reducer_version, eventHash: row.event_hash, stateDigest: row.state_digest, stateJson: row.state })
    },

    async save(streamId, snapshot) {
      assertOpen()
      if (options.readOnly) throw new StoreReadOnly('snapshots.save')
      const prepared = prepareSnapshot(streamId, snapshot)
      try {
        // In line with every other writer of the file (writeTurns), then BEGIN IMMEDIATE: the write lock first.
        await connection.writeTurns.take('snapshots.save', () => {
          assertOpen()
          saveInTransaction.immediate(prepared)
        })
      } catch (error) {
        throw toStoreError(error, 'snapshots.save')
      }
    },

    async close() {
      if (closed) return
      closed = true
      options.onClose()
    },
  }
}
