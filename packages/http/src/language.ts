import { languageDetector } from 'hono/language'
import type { MiddlewareHandler } from 'hono'

/** The two languages every message of the library is written in. */
export const languages = ['id', 'en'] as const
export type Language = (typeof languages)[number]

/**
 * `?lang=` first, then Accept-Language ("en-US" counts as en), else Bahasa
 * Indonesia: the officers the API serves read it first. Nothing is kept in a
 * cookie: the same request always gets the same language.
 */
export function detectLanguage(): MiddlewareHandler {
  return languageDetector({
    order: ['querystring', 'header'],
    lookupQueryString: 'lang',
    supportedLanguages: [...languages],
    fallbackLanguage: 'id',
    caches: false,
  })
}

export function languageOf(value: unknown): Language {
  return value === 'en' ? 'en' : 'id'
}
