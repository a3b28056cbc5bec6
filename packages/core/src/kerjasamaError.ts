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

export type GuardBasis = { kind: 'reg' | 'practice' | 'policy'; source: string }

/** Where a refusal's rule comes from: a guard's or a role rule's basis, or the input's schema (for VALIDATION_FAILED). */
export type RefusalBasis = GuardBasis | { kind: 'schema'; source: string }

/**
 * One reason a command or input was refused. Every refusing error (a broken
 * rule, a role without the right, a wrong field, an agreement that does not
 * exist) lists its reasons in `violations` in this one shape, so an app
 * renders them all the same way.
 */
export type RefusalReason = {
  code: string
  message: LocalizedMessage
  basis: RefusalBasis
  details?: Record<string, unknown>
}

/** A KerjasamaError that refuses a command or input, with its reasons. Nothing was written. */
export type Refusal = KerjasamaError & { readonly violations: ReadonlyArray<RefusalReason> }

/** True for a refusal of any copy of this library: render `violations`, whatever the code. */
export function isRefusal(value: unknown): value is Refusal {
  return isKerjasamaError(value) && Array.isArray((value as { violations?: unknown }).violations)
}

export type Violation = {
  code: string
  message: LocalizedMessage
  basis: GuardBasis
  /** Extra facts for a UI, e.g. which partner has not accepted. */
  details?: Record<string, unknown>
}
