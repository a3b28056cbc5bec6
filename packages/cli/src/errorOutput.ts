import type { KerjasamaError } from '@kerjasama/core'
import type { Language } from './language'
import { UsageError } from './usageError'

/**
 * The lines a failure prints on stderr: one per language, each with the code.
 * A usage error points to --help instead of printing it; a store error
 * carries its cause (SQLSTATE, ENOTFOUND, SQLITE_…) on the same line unless
 * its message already names it. Never a stack, SQL or payload.
 */
export function errorLines(error: KerjasamaError): [string, string] {
  if (error instanceof UsageError) {
    const help = error.command === undefined ? 'kerjasama --help' : `kerjasama ${error.command} --help`
    return [`${error.code}: ${error.localized.id}; lihat ${help}`, `${error.code}: ${error.localized.en}; see ${help}`]
  }
  const cause = causeOf(error)
  const suffix = (word: string, message: string): string => (cause === undefined || message.includes(cause) ? '' : ` (${word}: ${cause})`)
  return [`${error.code}: ${error.localized.id}${suffix('sebab', error.localized.id)}`, `${error.code}: ${error.localized.en}${suffix('cause', error.localized.en)}`]
}

/**
 * What a failure prints in the language asked for: Indonesian output gets
 * both lines (the English one for a partner or a search engine), English
 * output its own line only; --json one line of JSON with the code, both
 * messages and the cause.
 */
export function failureOutput(error: KerjasamaError, options: { language: Language; json: boolean }): string[] {
  if (options.json) {
    const cause = error instanceof UsageError ? undefined : causeOf(error)
    return [JSON.stringify({ error: { code: error.code, message: error.localized, ...(cause === undefined ? {} : { cause }) } })]
  }
  const [id, en] = errorLines(error)
  return options.language === 'en' ? [en] : [id, en]
}

/** The driver's code behind a store error: details.cause when the error has one, else the code on its `cause`. */
function causeOf(error: KerjasamaError): string | undefined {
  if (typeof error.details.cause === 'string') return error.details.cause
  const cause = error.cause as { code?: unknown; sqlstate?: unknown } | undefined
  if (typeof cause?.sqlstate === 'string') return `SQLSTATE ${cause.sqlstate}`
  if (typeof cause?.code === 'string') return cause.code
  return undefined
}
