import { randomUUID } from 'node:crypto'
import {
  ConcurrencyError,
  IdempotencyKeyReused,
  InvalidStoreInput,
  StoreClosed,
  TenantNotGranted,
} from '@kerjasama/core'
import {
  checkReadAllOptions,
  checkReadStreamOptions,
  checkVerifyOptions,
  GENESIS_HASH,
  assertIdentifier,
  eventHash,
  expectedVersionMatches,
  prepareAppend,
  storeInputReasons,
  verifyChain,
} from '@kerjasama/core/adapter'
import type { AppendResult, EventStore, StoredEvent, TenantScope, VerifyProblem, VerifyReport } from '@kerjasama/core'
import { announceAppend, subscribeToAppends } from './memoryChangeSignal'
import { idempotencyKey, streamKey } from './memoryDatabase'
import { checkOpenOptions } from './openOptions'
import type { MemoryDatabase, MemoryEventRow } from './memoryDatabase'

export type MemoryStoreOptions = TenantScope & {
  /** Largest data + metadata JSON per event, in UTF-8 bytes (R9). Default DEFAULT_MAX_EVENT_BYTES from core. */
  maxEventBytes?: number
  /** Share one database between several stores (tenancy, concurrency); default a private one. */
  database?: MemoryDatabase
}

export function openMemoryStore(options: MemoryStoreOptions = {}): EventStore {
  const { tenant, readable, database, maxEventBytes } = checkOpenOptions(options)
  const readableTenants = new Set(readable)
  let closed = false

  const assertOpen = (): void => {
    if (closed) throw new StoreClosed()
  }

  return {
    tenant,
    // Everything from the checks to the last push runs without an await, so
    // no other append can interleave: that is what makes one append atomic
    // (R1) and the expected-version check race-free (R2) on one event loop.
    async append(streamId, events, appendOptions): Promise<AppendResult> {
      assertOpen()
      const prepared = prepareAppend(streamId, events, appendOptions, { maxEventBytes })
      const claim = prepared.idempotency
      if (claim !== undefined) {
        const first = database.idempotency.get(idempotencyKey(tenant, claim.key))
        if (first !== undefined) {
          if (first.fingerprint !== claim.fingerprint) throw new IdempotencyKeyReused(claim.key)
          return { ...first.result, duplicate: true }
        }
      }
      const rows = database.stream(tenant, prepared.streamId) ?? []
      const current = rows.length
      if (!expectedVersionMatches(prepared.options.expectedVersion, current)) {
        throw new ConcurrencyError(prepared.streamId, prepared.options.expectedVersion, current)
      }
      const ids = prepared.events.map((event) => event.id ?? randomUUID())
      if (new Set(ids).size !== ids.length || ids.some((id) => database.eventIds.has(id))) {
        throw new InvalidStoreInput(storeInputReasons.eventIdAlreadyUsed, { field: 'id' })
      }
      let previousHash = rows.at(-1)?.hash ?? GENESIS_HASH
      const newRows = prepared.events.map((event, index): MemoryEventRow => {
        const hashable = {
          id: ids[index] as string,
          tenant,
          streamId: prepared.streamId,
          version: current + index + 1,
          type: event.type,
          schemaVersion: event.schemaVersion,
          dataJson: event.dataJson,
          metadataJson: event.metadataJson,
        }
        previousHash = eventHash(previousHash, hashable)
        return { ...hashable, position: database.nextPosition(), hash: previousHash }
      })
      const result: AppendResult = {
        streamId: prepared.streamId,
        nextExpectedVersion: current + newRows.length,
        firstPosition: (newRows[0] as MemoryEventRow).position,
        lastPosition: (newRows.at(-1) as MemoryEventRow).position,
        duplicate: false,
      }
      if (rows.length === 0) database.streams.set(streamKey(tenant, prepared.streamId), rows)
      for (const row of newRows) {
        rows.push(row)
        database.log.push(row)
        database.eventIds.add(row.id)
      }
      if (claim !== undefined) database.idempotency.set(idempotencyKey(tenant, claim.key), { result, fingerprint: claim.fingerprint })
      announceAppend(database, tenant)
      return { ...result }
    },

    async *readStream(streamId, readOptions) {
      assertOpen()
      assertIdentifier('streamId', streamId)
      const range = checkReadStreamOptions(readOptions)
      const streamTenant = range.tenant === undefined ? tenant : range.tenant
      assertIdentifier('tenant', streamTenant, 64)
      if (!readableTenants.has(streamTenant)) throw new TenantNotGranted(streamTenant)
      const rows = database.stream(streamTenant, streamId) ?? []
      const from = Math.max(range.fromVersion, 1)
      const to = Math.min(range.toVersion, rows.length)
      for (let version = from; version <= to; version += 1) {
        assertOpen()
        yield toStoredEvent(rows[version - 1] as MemoryEventRow)
      }
    },

    async *readAll(readOptions) {
      assertOpen()
      const { fromPosition, batchSize } = checkReadAllOptions(readOptions)
      // Positions are handed out in commit order with no gaps here, so the
      // event at position p sits at index p - 1 of the log.
      let index = fromPosition > 1n ? Number(fromPosition - 1n) : 0
      for (;;) {
        assertOpen()
        const batch: MemoryEventRow[] = []
        while (index < database.log.length && batch.length < batchSize) {
          const row = database.log[index] as MemoryEventRow
          index += 1
          if (readableTenants.has(row.tenant)) batch.push(row)
        }
        if (batch.length === 0) return
        for (const row of batch) yield toStoredEvent(row)
      }
    },

    async verify(verifyOptions): Promise<VerifyReport> {
      assertOpen()
      const onlyStream = checkVerifyOptions(verifyOptions)
      const problems: VerifyProblem[] = []
      let streamsChecked = 0
      let eventsChecked = 0
      for (const rows of database.streams.values()) {
        const first = rows[0]
        if (first === undefined || !readableTenants.has(first.tenant)) continue
        if (onlyStream !== undefined && first.streamId !== onlyStream) continue
        streamsChecked += 1
        eventsChecked += rows.length
        problems.push(...verifyChain(rows))
      }
      return { ok: problems.length === 0, streamsChecked, eventsChecked, problems }
    },

    async subscribe(listener) {
      assertOpen()
      if (typeof listener !== 'function') throw new InvalidStoreInput({ id: 'listener harus berupa fungsi', en: 'listener must be a function' }, { field: 'listener' })
      return subscribeToAppends(database, readableTenants, listener)
    },

    async close() {
      closed = true
    },
  }
}

// Parsed afresh on every read so a caller mutating what it read can never change the record.
function toStoredEvent(row: MemoryEventRow): StoredEvent {
  return {
    id: row.id,
    tenant: row.tenant,
    streamId: row.streamId,
    version: row.version,
    position: row.position,
    type: row.type,
    schemaVersion: row.schemaVersion,
    data: JSON.parse(row.dataJson) as unknown,
    metadata: JSON.parse(row.metadataJson) as StoredEvent['metadata'],
    hash: row.hash,
  }
}
