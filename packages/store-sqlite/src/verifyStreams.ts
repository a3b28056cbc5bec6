import { verifyChain } from '@kerjasama/core/adapter'
import type { VerifyProblem, VerifyReport } from '@kerjasama/core'
import type { HashableEvent } from '@kerjasama/core/adapter'
import type { Database } from 'better-sqlite3'
import type { EventRow, EventStatements, StreamKeyRow } from './eventStatements'

const VERIFY_BATCH_SIZE = 1000

/**
 * Recomputes every chain in scope, one stream at a time, paging through both
 * the streams and their events so a large file never sits in memory. Each
 * stream is read inside one read transaction so its head row and its events
 * are one consistent snapshot while other processes keep appending.
 */
export async function verifyStreams(
  db: Database,
  statements: EventStatements,
  scope: { readableJson: string; onlyStream: string | undefined; assertOpen: () => void },
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = []
  let streamsChecked = 0
  let eventsChecked = 0
  const only = scope.onlyStream ?? ''
  const checkStream = db.transaction((head: StreamKeyRow) => {
    // The head's version bounds the read: events appended after this snapshot
    // belong to the next verify.
    const seen: { last: (HashableEvent & { hash: string }) | undefined } = { last: undefined }
    const rows = (function* () {
      for (const row of streamRows(statements, head.tenant, head.stream_id, Number(head.version))) {
        eventsChecked += 1
        seen.last = row
        yield row
      }
    })()
    problems.push(...verifyChain(rows))
    const last = seen.last
    // A row deleted from the end of a stream leaves a chain that still
    // verifies; the head row remembers how long and how hashed it was.
    if (last === undefined || last.version < Number(head.version)) {
      problems.push({ tenant: head.tenant, streamId: head.stream_id, version: (last?.version ?? 0) + 1, problem: 'version-gap' })
    } else if (last.hash !== head.last_hash) {
      problems.push({ tenant: head.tenant, streamId: head.stream_id, version: last.version, problem: 'hash-mismatch' })
    }
  })
  let after = { tenant: '', streamId: '' }
  for (;;) {
    scope.assertOpen()
    const heads = statements.streamsBatch.all(scope.readableJson, after.tenant, after.streamId, only, only)
    for (const head of heads) {
      streamsChecked += 1
      checkStream(head)
    }
    const last = heads.at(-1)
    if (last === undefined) break
    after = { tenant: last.tenant, streamId: last.stream_id }
    // Lets other work on this event loop run between pages of a long verify.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { ok: problems.length === 0, streamsChecked, eventsChecked, problems }
}

function* streamRows(statements: EventStatements, tenant: string, streamId: string, toVersion: number): Generator<HashableEvent & { hash: string }> {
  let from = 1
  for (;;) {
    const rows = statements.readStreamBatch.all(tenant, streamId, from, toVersion, VERIFY_BATCH_SIZE)
    for (const row of rows) yield toHashable(row)
    if (rows.length < VERIFY_BATCH_SIZE) return
    from = Number((rows.at(-1) as EventRow).version) + 1
  }
}

function toHashable(row: EventRow): HashableEvent & { hash: string } {
  return {
    id: row.id,
    tenant: row.tenant,
    streamId: row.stream_id,
    version: Number(row.version),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    dataJson: row.data,
    metadataJson: row.metadata,
    hash: row.hash,
  }
}
