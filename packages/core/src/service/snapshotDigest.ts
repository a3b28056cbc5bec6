import { createHash } from 'node:crypto'
import type { TenantId } from '../store'

/**
 * What a snapshot's stateDigest covers: the state's JSON text and everything
 * that says which fold it is. A row edited by hand (a status changed in the
 * sqlite3 client) or copied to another stream, tenant or version no longer
 * matches, and the service ignores it. Like the hash chain (R11) this guards
 * against edits behind the library's back, not against someone who
 * recomputes sha256: a snapshot is only ever a shortcut past the events.
 * None of the fields can hold a raw newline (ids refuse control characters,
 * JSON.stringify escapes them).
 */
export type DigestedSnapshot = { tenant: TenantId; streamId: string; version: number; reducerVersion: number; eventHash: string; stateJson: string }

export function snapshotDigest(snapshot: DigestedSnapshot): string {
  const input = ['kerjasama-snapshot', snapshot.tenant, snapshot.streamId, String(snapshot.version), String(snapshot.reducerVersion), snapshot.eventHash, snapshot.stateJson].join('\n')
  return createHash('sha256').update(input, 'utf8').digest('hex')
}
