import { expect } from 'vitest'
import { KerjasamaError } from '@kerjasama/core'

/** Awaits `run` and returns the coded error it rejected with; fails the test on success or on any other error. */
export async function expectCoded(run: () => Promise<unknown>, code?: string): Promise<KerjasamaError> {
  let outcome: { ok: true } | { ok: false; error: unknown }
  try {
    await run()
    outcome = { ok: true }
  } catch (error) {
    outcome = { ok: false, error }
  }
  if (outcome.ok) throw new Error(`expected a coded error${code === undefined ? '' : ` ${code}`}, but the call succeeded`)
  const { error } = outcome
  if (!(error instanceof KerjasamaError)) {
    throw new Error(`expected a KerjasamaError${code === undefined ? '' : ` ${code}`}, got ${String(error)}`, { cause: error })
  }
  if (code !== undefined) expect(error.code).toBe(code)
  return error
}
