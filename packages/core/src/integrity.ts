import * as cryptoModule from 'node:crypto'
import { createHash } from 'node:crypto'
import type { StoredEvent, TenantId, VerifyProblem } from './store'

/**
 * Each event's hash covers the previous event's hash and the exact JSON text
 * the store keeps, so a row edited behind the library's back (or a deleted
 * one) breaks the chain at that version. Hashing the stored text rather than a
 * re-serialisation means adapters never need a canonical JSON form, and
 * PostgreSQL can compute the same value server-side with sha256().
 */
export const GENESIS_HASH = '0'.repeat(64)

export type HashableEvent = {
  id: string
  tenant: TenantId
  streamId: string
  version: number
  type: string
  schemaVersion: number
  dataJson: string
  metadataJson: string
}

/** The exact text that is hashed. Fields are newline-separated; none may contain a raw newline (storeInput enforces it). */
export function hashInput(previousHash: string, event: HashableEvent): string {
  return `${previousHash}\n${event.tenant}\n${event.streamId}\n${event.version}\n${event.id}\n${event.type}\n${event.schemaVersion}\n${event.dataJson}\n${event.metadataJson}`
}

// crypto.hash (Node 20.12+, 21.7+) digests in one call; a Hash object per
// event cost more than the digest of its few hundred bytes. Older Node 20
// releases, which the engines range admits, get the Hash object.
const oneShotHash = (cryptoModule as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash

export function eventHash(previousHash: string, event: HashableEvent): string {
  const input = hashInput(previousHash, event)
  return oneShotHash === undefined ? createHash('sha256').update(input, 'utf8').digest('hex') : oneShotHash('sha256', input, 'hex')
}

/**
 * Verifies one stream's chain from its stored rows (in version order, with
 * their JSON text as stored). Returns the problems found; empty means intact.
 */
export function verifyChain(rows: Iterable<HashableEvent & { hash: string }>): VerifyProblem[] {
  const problems: VerifyProblem[] = []
  let previousHash = GENESIS_HASH
  let expectedVersion = 1
  for (const row of rows) {
    if (row.version !== expectedVersion) {
      problems.push({ tenant: row.tenant, streamId: row.streamId, version: expectedVersion, problem: 'version-gap' })
      expectedVersion = row.version
    }
    if (eventHash(previousHash, row) !== row.hash) {
      problems.push({ tenant: row.tenant, streamId: row.streamId, version: row.version, problem: 'hash-mismatch' })
    }
    previousHash = row.hash
    expectedVersion += 1
  }
  return problems
}

export function toHashable(event: StoredEvent): HashableEvent & { hash: string } {
  return {
    id: event.id,
    tenant: event.tenant,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    dataJson: JSON.stringify(event.data),
    metadataJson: JSON.stringify(event.metadata),
    hash: event.hash,
  }
}
