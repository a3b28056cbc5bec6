import { regionToday } from '@kerjasama/core'
import { html } from './html'
import type { Html } from './html'
import type { PageContext } from './pageContext'

const locales = { id: 'id-ID', en: 'en-GB' } as const

const dayFormats = {
  id: new Intl.DateTimeFormat(locales.id, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(locales.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

const DAY = /^\d{4}-\d{2}-\d{2}/

/** "2022-02-22" or an ISO instant → "22 Februari 2022" in a <time> element; text that is no date is shown as it is. */
export function dayText(page: Pick<PageContext, 'lang'>, value: string | undefined): Html {
  if (value === undefined || value === '') return html`—`
  const day = DAY.exec(value)?.[0]
  const parsed = day === undefined ? Number.NaN : Date.parse(`${day}T00:00:00Z`)
  if (day === undefined || Number.isNaN(parsed)) return html`${value}`
  return html`<time datetime="${day}">${dayFormats[page.lang].format(parsed)}</time>`
}

/**
 * Today for the page's "as of" line: on the clock of the region the page is
 * filtered to, else of the handler's tenant when that is a region's code,
 * else UTC. The read models judge each agreement on its own initiating
 * region's today (WIB, WITA or WIT); this is the one the reader most likely keeps.
 */
export function pageToday(page: Pick<PageContext, 'now' | 'tenant'>, region: string | undefined): string {
  return regionToday(page.now, region ?? page.tenant)
}

/** A count or a score with the page's decimal separator (87,5 in Bahasa Indonesia). */
export function numberText(page: Pick<PageContext, 'lang'>, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return new Intl.NumberFormat(locales[page.lang], { maximumFractionDigits: 1 }).format(value)
}

/** "Kabupaten Kebumen (33.05)", or the code alone when the directory does not name it (a partner id, a region outside it). */
export function regionText(page: Pick<PageContext, 'regions'>, code: string): string {
  const name = page.regions.describe(code)?.name
  return name === undefined ? code : `${name} (${code})`
}
