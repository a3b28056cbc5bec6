import type { Language } from '../language'

export const LANGUAGE_COOKIE = 'kerjasama_lang'
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

const asLanguage = (value: string | null | undefined): Language | undefined => (value === 'id' || value === 'en' ? value : undefined)

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

/**
 * The page's language: `?lang=` (a click on the switch), then the cookie that
 * click left, else Bahasa Indonesia — the officers' language. Unlike the JSON
 * API, the dashboard remembers the choice: a person clicks once.
 */
export function pageLanguage(request: Request): { lang: Language; chosen: Language | undefined } {
  const chosen = asLanguage(new URL(request.url).searchParams.get('lang'))
  return { lang: chosen ?? asLanguage(cookieOf(request, LANGUAGE_COOKIE)) ?? 'id', chosen }
}

/** The cookie that keeps a chosen language for the dashboard's pages (and only them: its path is the dashboard's). */
export function languageCookie(lang: Language, basePath: string): string {
  return `${LANGUAGE_COOKIE}=${lang}; Path=${basePath === '' ? '/' : basePath}; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly`
}
