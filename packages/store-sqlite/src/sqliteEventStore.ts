import { ConcurrencyError, IdempotencyKeyReused, InvalidStoreInput, StoreClosed, TenantNotGranted } from '@kerjasama/core'
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
} from '@kerjasama/core/adapter'
import type { SerializedEvent } from '@kerjasama/core/adapter'
import type { AppendOptions, AppendResult, EventStore, StoredEvent } from '@kerjasama/core'
import type { SqliteConnection } from './connection'
import { newEventId } from './eventIds'
import { prepareEventStatements } from './eventStatements'
import type { EventRow } from './eventStatements'
import { MAX_POSITION } from './maxPosition'
import { isDuplicateEventId, toStoreError } from './sqliteErrors'
import type { SerializedAppend } from './types'
import { verifyStreams } from './verifyStreams'

/** Page size of readStream; a 10,000-event stream is read in a few round trips without holding a cursor open. */
const STREAM_BATCH_SIZE = 1000

export type EventStoreScope = { tenant: string; readable: string[]; maxEventBytes: number | undefined }

export function createSqliteEventStore(connection: SqliteConnection, scope: EventStoreScope, onClose: () => void): EventStore {
  const { db } = connection
  const statements = prepareEventStatements(db)
  const { tenant } = scope
  const readable = new Set(scope.readable)
  const readableJson = JSON.stringify(scope.readable)
  let closed = false
  const assertOpen = (): void => {
    if (closed || !connection.isOpen()) throw new StoreClosed()
  }

  // Runs inside BEGIN IMMEDIATE: the write lock is taken before the stream's
  // head is read, so no other connection or process can append between the
  // expected-version check and the insert (R2), and positions (the rowid,
  // assigned inside this lock) are handed out in commit order. That is why a
  // reader that has seen position p can never later find a smaller one (R5):
  // SQLite has one writer at a time, so commit order == position order.
  const appendInTransaction = db.transaction((prepared: SerializedAppend): AppendResult => {
    const claim = prepared.idempotency
    if (claim !== undefined) {
      const first = statements.selectIdempotency.get(tenant, claim.key)
      if (first !== undefined) {
        // Checked inside the write lock, so of two processes racing with one
        // key the second sees the first's row. A key recorded before migration
        // 2 has no fingerprint and answers as it always did.
        if (first.fingerprint !== null && first.fingerprint !== claim.fingerprint) throw new IdempotencyKeyReused(claim.key)
        return {
          streamId: first.stream_id,
          nextExpectedVersion: Number(first.next_expected_version),
          firstPosition: first.first_position,
          lastPosition: first.last_position,
          duplicate: true,
        }
      }
    }
    const head = statements.selectHead.get(tenant, prepared.streamId)
    const current = head === undefined ? 0 : Number(head.version)
    if (!expectedVersionMatches(prepared.options.expectedVersion, current)) {
      throw new ConcurrencyError(prepared.streamId, prepared.options.expectedVersion, current)
    }
    let previousHash = head?.last_hash ?? GENESIS_HASH
    let firstPosition = 0n
    let lastPosition = 0n
    const { streamId, events } = prepared
    const hashable = { id: '', tenant, streamId, version: 0, type: '', schemaVersion: 0, dataJson: '', metadataJson: '' }
    for (let index = 0; index < events.length; index += 1) {
      const event = events[index] as SerializedAppend['events'][number]
      hashable.id = event.id
      hashable.version = current + index + 1
      hashable.type = event.type
      hashable.schemaVersion = event.schemaVersion
      hashable.dataJson = event.dataJson
      hashable.metadataJson = event.metadataJson
      previousHash = eventHash(previousHash, hashable)
      const { lastInsertRowid } = statements.insertEvent.run(tenant, streamId, hashable.version, event.id, event.type, event.schemaVersion, event.dataJson, event.metadataJson, previousHash)
      lastPosition = BigInt(lastInsertRowid)
      if (index === 0) firstPosition = lastPosition
    }
    const nextExpectedVersion = current + prepared.events.length
    statements.upsertHead.run(tenant, prepared.streamId, nextExpectedVersion, previousHash)
    if (claim !== undefined) statements.insertIdempotency.run(tenant, claim.key, prepared.streamId, nextExpectedVersion, firstPosition, lastPosition, claim.fingerprint)
    return { streamId: prepared.streamId, nextExpectedVersion, firstPosition, lastPosition, duplicate: false }
  })

  function toStoredEvent(row: EventRow): StoredEvent {
    return {
      id: row.id,
      tenant: row.tenant,
      streamId: row.stream_id,
      version: Number(row.version),
      position: row.position,
      type: row.type,
      schemaVersion: Number(row.schema_version),
      data: JSON.parse(row.data) as unknown,
      metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
      hash: row.hash,
    }
  }

  // Reads page with LIMIT and `.all()` rather than a cursor (`.iterate()`):
  // a better-sqlite3 cursor left open across the caller's awaits would keep a
  // read snapshot pinned and make this connection refuse every write until
  // the caller finished, and a caller may stop reading at any time.
  function fetch<T>(operation: string, read: () => T): T {
    assertOpen()
    try {
      return read()
    } catch (error) {
      throw toStoreError(error, operation)
    }
  }

  return {
    tenant,
    async append(streamId, events, options: AppendOptions): Promise<AppendResult> {
      assertOpen()
      const checked = prepareAppend(streamId, events, options, { maxEventBytes: scope.maxEventBytes })
      const withIds = withEventIds(checked.events)
      try {
        return await connection.writeTurns.take('append', () => {
          assertOpen()
          return appendInTransaction.immediate({ streamId: checked.streamId, events: withIds, options: checked.options, idempotency: checked.idempotency })
        })
      } catch (error) {
        if (isDuplicateEventId(error)) throw new InvalidStoreInput(storeInputReasons.eventIdAlreadyUsed, { field: 'id' })
        throw toStoreError(error, 'append')
      }
    },

    async *readStream(streamId, options) {
      assertOpen()
      assertIdentifier('streamId', streamId)
      const range = checkReadStreamOptions(options)
      const streamTenant = range.tenant === undefined ? tenant : range.tenant
      assertIdentifier('tenant', streamTenant, 64)
      if (!readable.has(streamTenant)) throw new TenantNotGranted(streamTenant)
      let from = Math.max(range.fromVersion, 1)
      while (from <= range.toVersion) {
        const rows = fetch('readStream', () => statements.readStreamBatch.all(streamTenant, streamId, from, range.toVersion, STREAM_BATCH_SIZE))
        for (const row of rows) yield toStoredEvent(row)
        // The caller may have closed the store while holding this batch; the
        // end of the stream is only reported by a store that is still open.
        assertOpen()
        if (rows.length < STREAM_BATCH_SIZE) return
        from = Number((rows.at(-1) as EventRow).version) + 1
      }
    },

    async *readAll(options) {
      assertOpen()
      const { fromPosition, batchSize } = checkReadAllOptions(options)
      let from = fromPosition
      const oneTenant = scope.readable.length === 1
      while (from <= MAX_POSITION) {
        const rows = fetch('readAll', () =>
          oneTenant ? statements.readAllOneTenantBatch.all(tenant, from, batchSize) : statements.readAllTenantsBatch.all(from, readableJson, batchSize),
        )
        for (const row of rows) yield toStoredEvent(row)
        assertOpen()
        if (rows.length < batchSize) return
        from = (rows.at(-1) as EventRow).position + 1n
      }
    },

    async verify(options) {
      assertOpen()
      const onlyStream = checkVerifyOptions(options)
      try {
        return await verifyStreams(db, statements, { readableJson, onlyStream, assertOpen })
      } catch (error) {
        throw toStoreError(error, 'verify')
      }
    },

    async close() {
      if (closed) return
      closed = true
      onClose()
    },
  }
}

/** Gives each event without an id a new one; an id used twice in one append is refused before anything is written. */
function withEventIds(events: readonly SerializedEvent[]): Array<SerializedEvent & { id: string }> {
  const ids = new Set<string>()
  const result = events.map((event) => {
    const id = event.id ?? newEventId()
    ids.add(id)
    return { id, type: event.type, schemaVersion: event.schemaVersion, dataJson: event.dataJson, metadataJson: event.metadataJson }
  })
  if (ids.size !== result.length) {
    throw new InvalidStoreInput({ id: 'id peristiwa yang sama dipakai dua kali dalam satu append', en: 'an event id is used twice in one append' }, { field: 'id' })
  }
  return result
}
