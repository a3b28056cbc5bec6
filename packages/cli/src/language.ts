import type { LocalizedMessage } from '@kerjasama/core'

/**
 * The language of human output. `id`, the default, is Bahasa Indonesia with
 * the English beside headings and summary lines ("Register kerja sama /
 * Agreement register") and every error in both languages, one line each, as
 * an official reading alongside a foreign partner would want; `en` is
 * English alone, one line per error. Codes (stages, rule codes, error
 * codes) are the API's own words and stay as they are in both.
 */
export type Language = 'id' | 'en'
export const LANGUAGES: readonly Language[] = ['id', 'en']

export type Wording = {
  language: Language
  /** Body text: one language. */
  text(message: LocalizedMessage): string
  /** Headings and summary lines: `id / en` in Indonesian output, the English alone otherwise. */
  heading(message: LocalizedMessage): string
  /** Notices and errors: both languages, one line each, in Indonesian output; the English line alone otherwise. */
  lines(message: LocalizedMessage): string[]
}

export function wordingFor(language: Language): Wording {
  return {
    language,
    text: (message) => message[language],
    heading: (message) => (language === 'en' ? message.en : `${message.id} / ${message.en}`),
    lines: (message) => (language === 'en' ? [message.en] : [message.id, message.en]),
  }
}

/**
 * The --lang a command line asks for, read leniently before it is parsed,
 * so that a usage error in the same line is already printed in that language.
 */
export function requestedLanguage(argv: readonly string[]): Language {
  for (const [index, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[index + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined
    if (value === 'en' || value === 'id') return value
  }
  return 'id'
}
