import type { PageContext } from './pageContext'

export type LinkParams = Record<string, string | number | undefined>

/**
 * A link inside the dashboard. English pages carry `lang=en` in every link
 * as well as the cookie, so the language holds where cookies are refused;
 * Bahasa Indonesia is the default and needs no parameter.
 */
export function hrefTo(page: Pick<PageContext, 'basePath' | 'lang'>, path: string, params: LinkParams = {}): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value))
  if (page.lang === 'en') search.set('lang', 'en')
  const query = search.toString()
  return `${page.basePath}${path}${query === '' ? '' : `?${query}`}`
}

/** The same page in the other language, with the same filters. */
export function otherLanguageHref(page: PageContext): string {
  const search = new URLSearchParams(page.query)
  search.set('lang', page.lang === 'id' ? 'en' : 'id')
  return `${page.basePath}${page.path}?${search.toString()}`
}

/** The agreement page: its id as in the JSON API (/api/agreements/:id), with the tenant only when it is not the handler's own. */
export function agreementHref(page: Pick<PageContext, 'basePath' | 'lang' | 'tenant'>, agreement: { agreementId: string; tenant: string }): string {
  return hrefTo(page, `/agreements/${encodeURIComponent(agreement.agreementId)}`, agreement.tenant === page.tenant ? {} : { tenant: agreement.tenant })
}

/** The stylesheet, served by the dashboard itself so the CSP can forbid every inline style. */
export function stylesheetHref(page: Pick<PageContext, 'basePath'>): string {
  return `${page.basePath}/assets/dashboard.css`
}
