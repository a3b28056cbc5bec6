import type { LocalizedMessage, RegionDirectory } from '@kerjasama/core'
import type { Language } from '../language'

/** What every template knows about the request it answers. */
export type PageContext = {
  lang: Language
  /** Where the handler is mounted ("" or "/kerjasama"). */
  basePath: string
  /** The page's path below basePath ("/", "/matrix", "/agreements/…"). */
  path: string
  /** The request's query, for the language switch to keep the filters. */
  query: URLSearchParams
  /** The instant the page is judged at (the handler's clock, read once per request). */
  now: Date
  regions: RegionDirectory
  /** The tenant the handler writes for: its agreements' links need no tenant parameter. */
  tenant: string
}

/** The message in the page's language. */
export function t(page: Pick<PageContext, 'lang'>, message: LocalizedMessage): string {
  return message[page.lang]
}
