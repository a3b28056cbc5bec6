import { KerjasamaError } from './kerjasamaError'
import type { LocalizedMessage, RefusalReason } from './kerjasamaError'

/** Appending with an expected version that is no longer the stream's version. */
export class ConcurrencyError extends KerjasamaError {
  constructor(streamId: string, expected: number | 'none' | 'any', actual: number) {
    super(
      'STREAM_VERSION_CONFLICT',
      {
        id: `Versi aliran ${streamId} sudah berubah (diharapkan ${String(expected)}, sebenarnya ${actual})`,
        en: `Stream ${streamId} has moved on (expected version ${String(expected)}, actual ${actual})`,
      },
      { streamId, expected, actual },
    )
  }
}

/**
 * A transient failure: the connection was lost or refused, the server is
 * shutting down, a lock was not free within the wait. The only store error
 * that invites a retry; configuration mistakes and damage have codes of their
 * own (STORE_MISCONFIGURED, STORE_CORRUPT, STORE_NOT_FOUND).
 */
export class StoreUnavailable extends KerjasamaError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      'STORE_UNAVAILABLE',
      {
        id: `Penyimpanan tidak tersedia saat ${operation}; aman untuk dicoba lagi nanti (penulisan yang diulang dengan kunci idempotensi yang sama tetap dicatat sekali)`,
        en: `Store unavailable during ${operation}; safe to retry later (a write retried with the same idempotency key is still recorded once)`,
      },
      { operation },
      options,
    )
  }
}

/** What store-input refusals rest on: the guarantees every adapter gives for what it stores. */
const STORE_INPUT_RULES = 'docs/guarantees.md R9–R10: what a store accepts'

/**
 * Input the store refuses before writing anything (bad ids, payloads JSON
 * cannot hold, oversize). The reason comes in both languages; `details.reason`
 * stays the English one so code that matched on it keeps working.
 */
export class InvalidStoreInput extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(reason: LocalizedMessage, details: Record<string, unknown> = {}) {
    super(
      'STORE_INPUT_INVALID',
      { id: `Masukan ke penyimpanan ditolak: ${reason.id}`, en: `Store input refused: ${reason.en}` },
      { reason: reason.en, ...details },
    )
    this.violations = [{ code: 'STORE_INPUT_INVALID', message: reason, basis: { kind: 'schema', source: STORE_INPUT_RULES }, details: { ...details } }]
  }
}

export class PayloadTooLarge extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(bytes: number, limit: number) {
    super(
      'PAYLOAD_TOO_LARGE',
      { id: `Data peristiwa ${bytes} bita melebihi batas ${limit} bita`, en: `Event payload of ${bytes} bytes exceeds the ${limit}-byte limit` },
      { bytes, limit },
    )
    this.violations = [{ code: 'PAYLOAD_TOO_LARGE', message: this.localized, basis: { kind: 'schema', source: STORE_INPUT_RULES }, details: { bytes, limit } }]
  }
}

/** Reading a stream that belongs to a tenant this store was not opened for. */
export class TenantNotGranted extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(tenant: string) {
    super(
      'TENANT_NOT_GRANTED',
      { id: `Penyimpanan ini tidak diberi akses ke daerah ${tenant}`, en: `This store has no access to tenant ${tenant}` },
      { tenant },
    )
    this.violations = [{ code: 'TENANT_NOT_GRANTED', message: this.localized, basis: { kind: 'policy', source: 'docs/guarantees.md R12: a store sees only its own tenant and the tenants it was granted to read' }, details: { tenant } }]
  }
}


export class StoreClosed extends KerjasamaError {
  constructor() {
    super('STORE_CLOSED', { id: 'Penyimpanan sudah ditutup', en: 'The store has been closed' })
  }
}

/**
 * An idempotency key came back with a different command than the one it was
 * first used for. Returning the first result would tell the caller their
 * second command was recorded when it was not, so it is refused; nothing is
 * written. The key is named, never either command's content.
 */
export class IdempotencyKeyReused extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(idempotencyKey: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      {
        id: `Kunci idempotensi ${idempotencyKey} sudah dipakai untuk perintah lain; permintaan ini tidak dicatat. Gunakan kunci baru untuk perintah yang berbeda`,
        en: `Idempotency key ${idempotencyKey} was already used for a different command; this request was not recorded. Use a new key for a different command`,
      },
      { idempotencyKey },
    )
    this.violations = [{ code: 'IDEMPOTENCY_KEY_REUSED', message: this.localized, basis: { kind: 'policy', source: 'docs/guarantees.md R4: one idempotency key stands for one command' }, details: { idempotencyKey } }]
  }
}

/**
 * Where a store error happened, for its message: a file, or a PostgreSQL
 * schema (with its database when known). Never a password or a URL.
 */
export type StoreLocation = { kind: 'file'; name: string } | { kind: 'schema'; name: string; database?: string }

function locationText(location: StoreLocation): LocalizedMessage {
  if (location.kind === 'file') return { id: `Berkas ${location.name}`, en: `File ${location.name}` }
  const database = location.database === undefined ? { id: '', en: '' } : { id: ` di basis data ${location.database}`, en: ` in database ${location.database}` }
  return { id: `Skema ${location.name}${database.id}`, en: `Schema ${location.name}${database.en}` }
}

function locationDetails(location: StoreLocation): Record<string, unknown> {
  return location.kind === 'file' ? { file: location.name } : { schema: location.name, ...(location.database === undefined ? {} : { database: location.database }) }
}

/**
 * A read-only open was given a file or schema that does not exist. Nothing
 * was created: a typo in a path must not leave an empty store behind that
 * then verifies as intact.
 */
export class StoreNotFound extends KerjasamaError {
  constructor(location: StoreLocation) {
    const where = locationText(location)
    super(
      'STORE_NOT_FOUND',
      {
        id: `${where.id} tidak ditemukan; tidak ada yang dibuat. Periksa nama yang diberikan; penyimpanan baru hanya dibuat oleh pembukaan untuk menulis`,
        en: `${where.en} does not exist; nothing was created. Check the name given; a new store is only created by an open for writing`,
      },
      locationDetails(location),
    )
  }
}

/**
 * The store cannot work as configured: an unknown role, a rejected password,
 * a database or host that does not exist, a malformed URL, a path that is a
 * folder. Retrying will not help until the setting named in `problem` is
 * corrected, so unlike STORE_UNAVAILABLE this error does not invite a retry.
 * `details.cause` is the driver's code (SQLSTATE, ENOTFOUND, SQLITE_…).
 */
export class StoreMisconfigured extends KerjasamaError {
  constructor(problem: LocalizedMessage, details: Record<string, unknown> & { cause: string }, options?: { cause?: unknown }) {
    super(
      'STORE_MISCONFIGURED',
      {
        id: `Konfigurasi penyimpanan perlu diperbaiki: ${problem.id}. Mengulang tanpa perbaikan itu tidak akan berhasil`,
        en: `The store's configuration needs correcting: ${problem.en}. Retrying without that correction will not help`,
      },
      details,
      options,
    )
  }
}

/**
 * The file or schema is damaged, or is not a database at all (a truncated
 * copy, a text file). Writing to it could make matters worse, so the
 * message says to restore it rather than to retry.
 */
export class StoreCorrupt extends KerjasamaError {
  constructor(problem: LocalizedMessage, details: Record<string, unknown> & { cause: string }, options?: { cause?: unknown }) {
    super(
      'STORE_CORRUPT',
      {
        id: `Penyimpanan rusak: ${problem.id}. Jangan menulis ke penyimpanan ini; pulihkan dari cadangan terakhir`,
        en: `The store is damaged: ${problem.en}. Do not write to it; restore it from the last backup`,
      },
      details,
      options,
    )
  }
}

/**
 * A read-only open found a schema older than this library (version 0: no
 * Kerjasama schema at all). A read-only open never migrates, so the message
 * says which open does.
 */
export class StoreSchemaTooOld extends KerjasamaError {
  constructor(location: StoreLocation, foundVersion: number, neededVersion: number) {
    const where = locationText(location)
    super(
      'STORE_SCHEMA_TOO_OLD',
      {
        id: `${where.id} memakai skema versi ${foundVersion}, lebih lama daripada yang dibutuhkan pustaka ini (${neededVersion}); pembukaan hanya-baca tidak memigrasikan. Buka sekali untuk menulis (tanpa readOnly) agar skemanya diperbarui, lalu ulangi`,
        en: `${where.en} has schema version ${foundVersion}, older than this library needs (${neededVersion}); a read-only open does not migrate. Open it once for writing (without readOnly) to migrate it, then try again`,
      },
      { ...locationDetails(location), foundVersion, neededVersion },
    )
  }
}

/** A write on a store that was opened read-only. */
export class StoreReadOnly extends KerjasamaError {
  constructor(operation: string) {
    super(
      'STORE_READ_ONLY',
      {
        id: `Penyimpanan ini dibuka hanya untuk membaca; ${operation} tidak diizinkan. Buka tanpa readOnly untuk menulis`,
        en: `This store was opened read-only; ${operation} is not allowed. Open it without readOnly to write`,
      },
      { operation },
    )
  }
}

/**
 * The backend refused an operation for a reason that is neither transient
 * nor a known configuration or corruption problem. The operation's
 * transaction was rolled back; a retry would meet the same refusal, so the
 * message asks for the code to be reported instead.
 */
export class StoreFailed extends KerjasamaError {
  constructor(operation: string, cause: string, options?: { cause?: unknown }) {
    super(
      'STORE_FAILED',
      {
        id: `Penyimpanan menolak ${operation} dengan kesalahan yang tidak terduga (${cause}); tidak ada perubahan dari operasi ini yang disimpan. Mengulang tidak akan membantu; laporkan kode ini kepada pengelola sistem`,
        en: `The store refused ${operation} with an unexpected error (${cause}); nothing of this operation was stored. Retrying will not help; report this code to the system administrator`,
      },
      { operation, cause },
      options,
    )
  }
}
