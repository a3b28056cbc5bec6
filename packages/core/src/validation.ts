import { z } from 'zod'
import { ValidationError } from './errors'
import type { LocalizedMessage, ValidationIssue } from './errors'

/**
 * Schema checks that fail with a ValidationError whose every issue reads in
 * English and Bahasa Indonesia. zod words its issues in one language per parse,
 * so a failed input is parsed a second time with zod's Indonesian locale; a
 * valid input is parsed once, as before.
 */
const indonesian = z.locales.id().localeError

// Only if a schema's checks ever answered differently the second time would an
// issue lack a twin; the caller still gets Indonesian text, if a vaguer one.
const FALLBACK_MESSAGE_ID = 'Masukan tidak valid'

/** `what` names the input in the error; a function when building the name would cost every valid parse. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: LocalizedMessage | (() => LocalizedMessage)): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new ValidationError(typeof what === 'function' ? what() : what, validationIssues(schema, input, parsed.error))
}

/** The issues of a failed parse, each with its Indonesian twin (paired by index, checked by path and code). */
export function validationIssues(schema: z.ZodType, input: unknown, error: z.ZodError): ValidationIssue[] {
  const again = schema.safeParse(input, { error: indonesian })
  const twins = again.success ? [] : again.error.issues
  return error.issues.map((issue, index) => {
    const path = pathOf(issue)
    const twin = [twins[index], ...twins].find((candidate) => candidate !== undefined && candidate.code === issue.code && pathOf(candidate) === path)
    return { path, message: issue.message, messageId: customMessageId(issue) ?? twin?.message ?? FALLBACK_MESSAGE_ID }
  })
}

/** An issue the library words itself, outside any schema. */
export function localizedIssue(path: string, message: LocalizedMessage): ValidationIssue {
  return { path, message: message.en, messageId: message.id }
}

/**
 * Parameters for `z.custom` that word its failure in both languages: a message
 * set on the schema wins over zod's locale, so the Indonesian text rides along
 * in the issue's params.
 */
export function customError(message: LocalizedMessage): { error: string; params: { messageId: string } } {
  return { error: message.en, params: { messageId: message.id } }
}

function customMessageId(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'custom') return undefined
  const messageId = (issue.params as { messageId?: unknown } | undefined)?.messageId
  return typeof messageId === 'string' ? messageId : undefined
}

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.')
}
