import { html } from './html'
import type { Html } from './html'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { hrefTo } from './pageLinks'
import type { LinkParams } from './pageLinks'
import { text } from './text'

/**
 * Keyset pages: the read models answer a cursor for the next page, never a
 * page count, so the links are "next" and "back to the first" — the
 * filters carried in both.
 */
export function pagination(page: PageContext, input: { params: LinkParams; next: string | undefined; onFirstPage: boolean }): Html {
  if (input.next === undefined && input.onFirstPage) return html``
  return html`<nav class="pagination" aria-label="${t(page, text.pagination)}">
<ul>
${input.onFirstPage ? '' : html`<li><a href="${hrefTo(page, page.path, input.params)}">${t(page, text.firstPage)}</a></li>`}
${input.next === undefined ? '' : html`<li><a href="${hrefTo(page, page.path, { ...input.params, after: input.next })}" rel="next">${t(page, text.nextPage)}</a></li>`}
</ul>
</nav>
`
}
