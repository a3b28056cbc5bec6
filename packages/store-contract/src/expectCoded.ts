import { expect } from 'vitest'
import type { KerjasamaError } from '@kerjasama/core'

/**
 * True for a KerjasamaError, recognised by shape rather than `instanceof`: a
 * third-party adapter may bundle its own copy of @kerjasama/core, whose class
 * is a different object from the one this suite imports.
 */
export function isCodedError(error: unknown): error is KerjasamaError {
  if (!(error instanceof Error)) return false
  const { code, localized } = error as Partial<KerjasamaError>
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) && typeof localized?.id === 'string' && typeof localized.en === 'string'
}

/** Awaits `run` and returns the coded error it rejected with; fails the test on success or on any other error. */
export async function expectCoded(run: () => Promise<unknown>, code?: string): Promise<KerjasamaError> {
  let outcome: { ok: true } | { ok: false; error: unknown }
  try {
    await run()
    outcome = { ok: true }
  } catch (error) {
    outcome = { ok: false, error }
  }
  const wanted = code === undefined ? '' : ` ${code}`
  if (outcome.ok) throw new Error(`expected a coded error${wanted}, but the call succeeded`)
  const { error } = outcome
  if (!isCodedError(error)) throw new Error(`expected a KerjasamaError${wanted}, got ${String(error)}`, { cause: error })
  if (code !== undefined) expect(error.code).toBe(code)
  return error
}
