import { ConcurrencyError, IdempotencyKeyReused, InvalidStoreInput, KerjasamaError, isKerjasamaError } from '@kerjasama/core'
import { storeInputReasons } from '@kerjasama/core/adapter'
import type { ExpectedVersion } from '@kerjasama/core'
import { VERSION_CONFLICT_SQLSTATE } from './functionsV1'
import { IDEMPOTENCY_KEY_REUSED_SQLSTATE } from './appendEventsFunction'
import { classifyPgFailure } from './pgFailure'

type PgLikeError = { code?: unknown; severity?: unknown; constraint?: unknown; detail?: unknown }

/**
 * Turns whatever pg threw into a coded KerjasamaError. The driver's message
 * can quote a row (a unique-violation detail holds the key) or the statement,
 * so it never becomes our message; only the SQLSTATE travels, in details.
 */
export function mapPgError(error: unknown, operation: string, append?: { streamId: string; expected: ExpectedVersion; idempotencyKey?: string | undefined }): KerjasamaError {
  if (isKerjasamaError(error)) return error
  const pg = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError
  const code = typeof pg.code === 'string' ? pg.code : undefined
  if (code === VERSION_CONFLICT_SQLSTATE && append !== undefined) {
    return new ConcurrencyError(append.streamId, append.expected, Number(pg.detail))
  }
  if (code === IDEMPOTENCY_KEY_REUSED_SQLSTATE && append?.idempotencyKey !== undefined) return new IdempotencyKeyReused(append.idempotencyKey)
  if (code === '23505' && pg.constraint === 'events_event_id') {
    return new InvalidStoreInput(storeInputReasons.eventIdAlreadyUsed, { field: 'id' })
  }
  if (code === '54000' || code === '22P05' || code === '22021') {
    return new InvalidStoreInput({ id: 'basis data menolak nilai tersebut', en: 'the database refused the value' }, { sqlstate: code })
  }
  // Everything else is sorted by what the caller can do about it: only a
  // transient failure is StoreUnavailable, which invites a retry.
  return classifyPgFailure(error, operation)
}

/** Connection-level failures: the client that saw one must be discarded, not returned to the pool. */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const pg = error as PgLikeError
  if (typeof pg.severity !== 'string') return true
  return typeof pg.code === 'string' && (pg.code.startsWith('08') || pg.code.startsWith('57P'))
}
