import { randomUUID } from 'node:crypto'
import { StoreClosed, TenantNotGranted } from '@kerjasama/core'
import {
  checkReadAllOptions,
  checkReadStreamOptions,
  checkVerifyOptions,
  assertIdentifier,
  prepareAppend,
  verifyChain,
} from '@kerjasama/core/adapter'
import type { AppendResult, EventStore, StoredEvent, TenantScope, VerifyProblem, VerifyReport } from '@kerjasama/core'
import type { Pool } from 'pg'
import { changeAnnouncer } from './changeAnnouncer'
import { ChangeNotifications } from './changeNotifications'
import type { ChangeListener } from './changeNotifications'
import { mapPgError } from './pgErrors'
import { settleHorizon } from './readHorizon'
import { EVENT_COLUMNS, toHashableRow, toStoredEvent } from './rows'
import type { EventRow } from './rows'
import { tenantList } from './schemaName'
import type { CheckedPostgresOptions } from './options'

export type EventStoreSettings = TenantScope & {
  maxEventBytes?: number
  /** Send a change notice (NOTIFY) after every append (default true); subscribers of any store on the schema wake up. */
  notify?: boolean
  /** How long readAll waits for in-flight appends below its horizon before it ends for now. Default 1000 ms. */
  settleTimeoutMs?: number
}

// The port's optional subscribe is narrowed, not overloaded: a listener here is told which tenant and position woke it.
export type PostgresEventStore = Omit<EventStore, 'subscribe'> & {
  /** Calls `listener` after each committed append to a readable tenant (LISTEN/NOTIFY, R17); returns the unsubscribe function. */
  subscribe(listener: ChangeListener): Promise<() => void>
  /** Resolves true at the next append to a readable tenant, false on timeout or abort: wake-up instead of tight polling. */
  waitForChange(options: { timeoutMs: number; signal?: AbortSignal }): Promise<boolean>
}

const STREAM_BATCH = 1000

/** The settings come checked from checkPostgresOptions. */
export function createPostgresEventStore(pool: Pool, settings: CheckedPostgresOptions, onClose: () => Promise<void>): PostgresEventStore {
  const { names, tenant, readable, maxEventBytes, notify, settleTimeoutMs } = settings
  const readableSet = new Set(readable)
  const readTenants = tenantList(readable)
  const notifications = new ChangeNotifications(pool, names, readableSet)
  let closing: Promise<void> | undefined
  const assertOpen = (): void => {
    if (closing !== undefined) throw new StoreClosed()
  }

  const announcer = changeAnnouncer(pool, names, tenant)

  // Named: each connection parses and plans the statement once, not on every call of the hot path.
  const query = async <R extends object>(operation: string, text: string, values: unknown[]): Promise<R[]> => {
    try {
      return (await pool.query<R>({ name: `${names.schema}.${operation}`, text, values })).rows
    } catch (error) {
      throw mapPgError(error, operation)
    }
  }

  return {
    tenant,
    async append(streamId, events, options): Promise<AppendResult> {
      assertOpen()
      const prepared = prepareAppend(streamId, events, options, maxEventBytes === undefined ? {} : { maxEventBytes })
      const expected = prepared.options.expectedVersion
      const values = [
        tenant,
        prepared.streamId,
        String(expected),
        prepared.options.idempotencyKey ?? null,
        prepared.events.map((event) => event.id ?? randomUUID()),
        prepared.events.map((event) => event.type),
        prepared.events.map((event) => event.schemaVersion),
        prepared.events.map((event) => event.dataJson),
        prepared.events.map((event) => event.metadataJson),
        false,
        prepared.idempotency?.fingerprint ?? null,
      ]
      try {
        // One round trip: the checks, the hash chain, the inserts and the
        // idempotency record all happen inside append_events, in one transaction.
        const result = await pool.query<{ stream_id: string; first_position: string; last_position: string; next_expected_version: number; duplicate: boolean }>({
          name: `${names.schema}.append`,
          text: `select stream_id, first_position, last_position, next_expected_version, duplicate from ${names.q('append_events')}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          values,
        })
        const row = result.rows[0]
        if (row === undefined) throw new Error('append_events returned nothing')
        if (notify && !row.duplicate) announcer.announce(row.last_position)
        return {
          streamId: row.stream_id,
          nextExpectedVersion: row.next_expected_version,
          firstPosition: BigInt(row.first_position),
          lastPosition: BigInt(row.last_position),
          duplicate: row.duplicate,
        }
      } catch (error) {
        throw mapPgError(error, 'append', { streamId: prepared.streamId, expected, idempotencyKey: prepared.idempotency?.key })
      }
    },

    async *readStream(streamId, options): AsyncGenerator<StoredEvent> {
      assertOpen()
      assertIdentifier('streamId', streamId)
      const range = checkReadStreamOptions(options)
      const streamTenant = range.tenant ?? tenant
      assertIdentifier('tenant', streamTenant, 64)
      if (!readableSet.has(streamTenant)) throw new TenantNotGranted(streamTenant)
      let from = Math.max(range.fromVersion, 1)
      const to = Math.min(range.toVersion, 2_147_483_647)
      while (from <= to) {
        assertOpen()
        const rows = await query<EventRow>('readStream', `select ${EVENT_COLUMNS} from ${names.q('read_stream')}($1, $2, $3, $4, $5, $6)`, [
          readTenants,
          streamTenant,
          streamId,
          from,
          to,
          STREAM_BATCH,
        ])
        for (const row of rows) yield toStoredEvent(row)
        if (rows.length < STREAM_BATCH) return
        from = (rows.at(-1) as EventRow).version + 1
      }
    },

    async *readAll(options): AsyncGenerator<StoredEvent> {
      assertOpen()
      const { fromPosition, batchSize } = checkReadAllOptions(options)
      let next = fromPosition < 1n ? 1n : fromPosition
      // One settled horizon per call (readHorizon.ts): the iteration ends at
      // the log's settled end as of the call, even while writers keep adding,
      // and a tailing caller's next call carries on from there.
      let settled
      try {
        settled = await settleHorizon(pool, names, settleTimeoutMs)
      } catch (error) {
        throw mapPgError(error, 'readAll')
      }
      if (!settled.settled) return
      const horizon = settled.position
      const page = (from: bigint) =>
        query<EventRow>('readAll', `select ${EVENT_COLUMNS} from ${names.q('read_all')}($1, $2, $3, $4)`, [readTenants, String(from), String(horizon), batchSize])
      // Each page is asked for before the caller works through the one
      // before it, so the server reads while the caller applies: a catch-up
      // waited a whole page read per batch. Every page stays below the one
      // horizon, so prefetching changes nothing of what is delivered (R1, R5).
      if (next > horizon) return
      let ahead = prefetch(page(next))
      try {
        for (;;) {
          assertOpen()
          const rows = await ahead
          next = rows.length < batchSize ? horizon + 1n : BigInt((rows.at(-1) as EventRow).position) + 1n
          const more = next <= horizon
          // Once the store is closing the loop's assertOpen ends the call before this page would be read.
          if (more && closing === undefined) ahead = prefetch(page(next))
          for (const row of rows) yield toStoredEvent(row)
          if (!more) return
        }
      } finally {
        // A caller that stops early gets control back once the page asked for ahead has settled, so no query of this call outlives it.
        await ahead.catch(() => undefined)
      }
    },

    async verify(options): Promise<VerifyReport> {
      assertOpen()
      const onlyStream = checkVerifyOptions(options)
      const problems: VerifyProblem[] = []
      let streamsChecked = 0
      let eventsChecked = 0
      let current: EventRow[] = []
      const flush = (): void => {
        if (current.length === 0) return
        streamsChecked += 1
        eventsChecked += current.length
        problems.push(...verifyChain(current.map(toHashableRow)))
        current = []
      }
      // Keyset pages in (tenant, stream, version) order, so a large store is
      // verified stream by stream without loading it whole.
      let after: [string, string, number] = ['', '', 0]
      for (;;) {
        const rows = await query<EventRow>('verify', `select ${EVENT_COLUMNS} from ${names.q('read_chains')}($1, $2, $3, $4, $5, $6)`, [
          readTenants,
          onlyStream ?? null,
          ...after,
          STREAM_BATCH,
        ])
        for (const row of rows) {
          const head = current[0]
          if (head !== undefined && (head.tenant !== row.tenant || head.stream_id !== row.stream_id)) flush()
          current.push(row)
        }
        const last = rows.at(-1)
        if (last === undefined || rows.length < STREAM_BATCH) break
        after = [last.tenant, last.stream_id, last.version]
      }
      flush()
      return { ok: problems.length === 0, streamsChecked, eventsChecked, problems }
    },

    subscribe(listener) {
      assertOpen()
      return notifications.subscribe(listener)
    },

    waitForChange(options) {
      assertOpen()
      return notifications.waitForChange(options)
    },

    close() {
      // The notices held back are sent before the pool ends: a subscriber elsewhere still wakes for the last appends.
      closing ??= announcer
        .flush()
        .then(() => notifications.close())
        .then(onClose)
      return closing
    },
  }
}

/** A page read ahead may never be awaited (the caller stopped early): its failure is marked handled here and still reaches whoever awaits it. */
function prefetch<T>(page: Promise<T>): Promise<T> {
  page.catch(() => undefined)
  return page
}
