import { StoreClosed, StoreReadOnly } from '@kerjasama/core'
import { checkLoadSnapshot, prepareSnapshot, snapshotFromRow } from '@kerjasama/core/adapter'
import type { SnapshotStore } from '@kerjasama/core'
import type { Pool } from 'pg'
import { mapPgError } from './pgErrors'
import type { SchemaNames } from './schemaName'

type SnapshotRow = { version: number; event_hash: string; state_digest: string; state: string }

/**
 * Snapshots of the store's own tenant (R18–R21), on the store's pool: each
 * operation is one call of read_snapshot or save_snapshot, which enter the
 * tenant's scope, so row-level security keeps tenants apart here too.
 * `tenant` comes checked from checkPostgresOptions.
 */
export function createPostgresSnapshotStore(pool: Pool, names: SchemaNames, tenant: string, options: { readOnly: boolean; onClose: () => Promise<void> }): SnapshotStore {
  let closing: Promise<void> | undefined
  const assertOpen = (): void => {
    if (closing !== undefined) throw new StoreClosed()
  }

  return {
    tenant,

    async loadLatest(streamId, loadOptions) {
      assertOpen()
      const checked = checkLoadSnapshot(streamId, loadOptions)
      let rows: SnapshotRow[]
      try {
        rows = (await pool.query<SnapshotRow>(`select version, event_hash, state_digest, state from ${names.q('read_snapshot')}($1, $2, $3)`, [tenant, checked.streamId, checked.reducerVersion])).rows
      } catch (error) {
        throw mapPgError(error, 'snapshots.loadLatest')
      }
      const row = rows[0]
      return row === undefined
        ? undefined
        : snapshotFromRow({ version: row.version, reducerVersion: checked.reducerVersion, eventHash: row.event_hash, stateDigest: row.state_digest, stateJson: row.state })
    },

    async save(streamId, snapshot) {
      assertOpen()
      if (options.readOnly) throw new StoreReadOnly('snapshots.save')
      const prepared = prepareSnapshot(streamId, snapshot)
      try {
        await pool.query(`select ${names.q('save_snapshot')}($1, $2, $3, $4, $5, $6, $7)`, [
          tenant,
          prepared.streamId,
          prepared.reducerVersion,
          prepared.version,
          prepared.eventHash,
          prepared.stateDigest,
          prepared.stateJson,
        ])
      } catch (error) {
        throw mapPgError(error, 'snapshots.save')
      }
    },

    close() {
      closing ??= options.onClose()
      return closing
    },
  }
}
