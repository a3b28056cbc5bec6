/**
 * Every error the library throws is a KerjasamaError with a stable `code`, a
 * message in Bahasa Indonesia and English, and details a UI can use. No error
 * carries an event payload or SQL text: these are legal records and error
 * messages end up in logs.
 */
export type LocalizedMessage = { id: string; en: string }

export class KerjasamaError extends Error {
  readonly code: string
  readonly localized: LocalizedMessage
  readonly details: Readonly<Record<string, unknown>>

  constructor(code: string, localized: LocalizedMessage, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(`${code}: ${localized.en}`, options)
    this.name = new.target.name
    this.code = code
    this.localized = localized
    this.details = details
  }
}

// Symbol.for gives every copy of this module in a process the same key, so an
// error from an adapter that brought its own copy of @kerjasama/core (another
// version, a bundle) is still recognised, where instanceof would say no.
const KERJASAMA_ERROR = Symbol.for('kerjasama.error')
Object.defineProperty(KerjasamaError.prototype, KERJASAMA_ERROR, { value: true })

/** True for an error of any copy of this library; use it (and `code`) rather than instanceof. */
export function isKerjasamaError(value: unknown): value is KerjasamaError {
  return typeof value === 'object' && value !== null && (value as { [KERJASAMA_ERROR]?: unknown })[KERJASAMA_ERROR] === true
}

/**
 * One thing wrong with an input. `message` is English and `messageId` Bahasa
 * Indonesia, so a form can show either next to the field at `path`.
 */
export type ValidationIssue = { path: string; message: string; messageId: string }

/** A command or other input did not match its schema. */
export class ValidationError extends KerjasamaError {
  readonly issues: ReadonlyArray<ValidationIssue>
  constructor(what: LocalizedMessage, issues: ReadonlyArray<ValidationIssue>) {
    super(
      'VALIDATION_FAILED',
      { id: `Masukan tidak valid: ${what.id}`, en: `Invalid input: ${what.en}` },
      { what: what.en, issues },
    )
    this.issues = issues
  }
}

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

/** The storage backend could not be reached or dropped the connection. */
export class StoreUnavailable extends KerjasamaError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      'STORE_UNAVAILABLE',
      {
        id: `Penyimpanan tidak tersedia saat ${operation}; aman untuk diulang dengan kunci idempotensi yang sama`,
        en: `Store unavailable during ${operation}; safe to retry with the same idempotency key`,
      },
      { operation },
      options,
    )
  }
}

/**
 * Input the store refuses before writing anything (bad ids, payloads JSON
 * cannot hold, oversize). The reason comes in both languages; `details.reason`
 * stays the English one so code that matched on it keeps working.
 */
export class InvalidStoreInput extends KerjasamaError {
  constructor(reason: LocalizedMessage, details: Record<string, unknown> = {}) {
    super(
      'STORE_INPUT_INVALID',
      { id: `Masukan ke penyimpanan ditolak: ${reason.id}`, en: `Store input refused: ${reason.en}` },
      { reason: reason.en, ...details },
    )
  }
}

export class PayloadTooLarge extends KerjasamaError {
  constructor(bytes: number, limit: number) {
    super(
      'PAYLOAD_TOO_LARGE',
      { id: `Data peristiwa ${bytes} bita melebihi batas ${limit} bita`, en: `Event payload of ${bytes} bytes exceeds the ${limit}-byte limit` },
      { bytes, limit },
    )
  }
}

/** Reading a stream that belongs to a tenant this store was not opened for. */
export class TenantNotGranted extends KerjasamaError {
  constructor(tenant: string) {
    super(
      'TENANT_NOT_GRANTED',
      { id: `Penyimpanan ini tidak diberi akses ke daerah ${tenant}`, en: `This store has no access to tenant ${tenant}` },
      { tenant },
    )
  }
}

export class StoreClosed extends KerjasamaError {
  constructor() {
    super('STORE_CLOSED', { id: 'Penyimpanan sudah ditutup', en: 'The store has been closed' })
  }
}

export type GuardBasis = { kind: 'reg' | 'practice' | 'policy'; source: string }

export type Violation = {
  code: string
  message: LocalizedMessage
  basis: GuardBasis
  /** Extra facts for a UI, e.g. which partner has not accepted. */
  details?: Record<string, unknown>
}

/** decide() refused a command; `violations` lists every rule it broke, not only the first. */
export class GuardViolation extends KerjasamaError {
  readonly violations: ReadonlyArray<Violation>
  constructor(commandType: string, violations: ReadonlyArray<Violation>) {
    super(
      'GUARD_VIOLATION',
      {
        id: `Perintah ${commandType} ditolak: ${violations.map((v) => v.message.id).join('; ')}`,
        en: `Command ${commandType} refused: ${violations.map((v) => v.message.en).join('; ')}`,
      },
      { commandType, codes: violations.map((v) => v.code) },
    )
    this.violations = violations
  }
}

/** The actor's role may not issue this command. Nothing is appended. */
export class NotAuthorized extends KerjasamaError {
  constructor(commandType: string, role: string, allowedRoles: readonly string[]) {
    super(
      'NOT_AUTHORIZED',
      {
        id: `Peran ${role} tidak berwenang menjalankan ${commandType} (yang berwenang: ${allowedRoles.join(', ')})`,
        en: `Role ${role} may not issue ${commandType} (allowed: ${allowedRoles.join(', ')})`,
      },
      { commandType, role, allowedRoles },
    )
  }
}

export class AgreementNotFound extends KerjasamaError {
  constructor(agreementId: string) {
    super('AGREEMENT_NOT_FOUND', { id: `Kerja sama ${agreementId} tidak ditemukan`, en: `Agreement ${agreementId} not found` }, { agreementId })
  }
}

/**
 * An idempotency key came back with a different command than the one it was
 * first used for. Returning the first result would tell the caller their
 * second command was recorded when it was not, so it is refused; nothing is
 * written. The key is named, never either command's content.
 */
export class IdempotencyKeyReused extends KerjasamaError {
  constructor(idempotencyKey: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      {
        id: `Kunci idempotensi ${idempotencyKey} sudah dipakai untuk perintah lain; permintaan ini tidak dicatat. Gunakan kunci baru untuk perintah yang berbeda`,
        en: `Idempotency key ${idempotencyKey} was already used for a different command; this request was not recorded. Use a new key for a different command`,
      },
      { idempotencyKey },
    )
  }
}
