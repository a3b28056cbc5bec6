import type { z } from 'zod'
import { ValidationError } from './errors'
import type { LocalizedMessage, ValidationIssue } from './errors'
import { fieldCodes, wordedIssues } from './validationMessages'

/**
 * Schema checks that fail with a ValidationError whose every issue reads in
 * Bahasa Indonesia and English, worded by the library (validationMessages.ts)
 * rather than by zod's locales. The input is parsed once, valid or not.
 */

/** `what` names the input in the error; a function when building the name would cost every valid parse. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: LocalizedMessage | (() => LocalizedMessage)): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const named = typeof what === 'function' ? what() : what
  throw new ValidationError(named, validationIssues(input, parsed.error, named))
}

/** The issues of a failed parse, each worded in both languages. */
export function validationIssues(input: unknown, error: z.ZodError, what: LocalizedMessage): ValidationIssue[] {
  return wordedIssues(error.issues, input, what)
}

/** An issue the library words itself, outside any schema. */
export function localizedIssue(path: string, message: LocalizedMessage, code: string = fieldCodes.invalid): ValidationIssue {
  return { path, code, message: message.en, messageId: message.id }
}

/**
 * Parameters for `z.custom` that word its failure in both languages: a message
 * set on the schema wins over zod's locale, so the Indonesian text rides along
 * in the issue's params.
 */
export function customError(message: LocalizedMessage): { error: string; params: { messageId: string } } {
  return { error: message.en, params: { messageId: message.id } }
}
