import type { StoredEvent } from '@kerjasama/core'
import type { HashableEvent } from '@kerjasama/core/adapter'

/** One events row as the read functions return it: JSON as text, so the hash chain can be checked on the exact stored bytes. */
export type EventRow = {
  position: string
  tenant: string
  stream_id: string
  version: number
  event_id: string
  type: string
  schema_version: number
  data: string
  metadata: string
  hash: string
}

export const EVENT_COLUMNS = 'event_position as position, tenant, stream_id, version, event_id, type, schema_version, data, metadata, hash'

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    tenant: row.tenant,
    streamId: row.stream_id,
    version: row.version,
    position: BigInt(row.position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
    hash: row.hash,
  }
}

export function toHashableRow(row: EventRow): HashableEvent & { hash: string } {
  return {
    id: row.event_id,
    tenant: row.tenant,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    dataJson: row.data,
    metadataJson: row.metadata,
    hash: row.hash,
  }
}
