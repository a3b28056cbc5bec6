import type { RefusalReason } from '@kerjasama/core'
import { html } from './html'
import type { Html } from './html'
import { layout } from './layout'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { hrefTo } from './pageLinks'
import { text } from './text'

export type ErrorPageData = {
  status: number
  /** The problem's title and detail in the page's language, as the JSON API words them. */
  title: string
  detail: string
  violations: readonly RefusalReason[]
}

/**
 * A refused or failed request as a page: what went wrong in the officer's
 * language and, for a refused filter, each field to correct. A server fault
 * shows no detail (the JSON API's rule): its message may name files or hosts.
 */
export function errorPage(page: PageContext, data: ErrorPageData): Html {
  const explanation =
    data.status === 404
      ? t(page, text.notFoundBody)
      : data.status === 401
        ? t(page, text.signInBody)
        : data.status >= 500
          ? t(page, text.serverErrorBody)
          : data.detail
  const violations =
    data.violations.length === 0 || data.status >= 500
      ? ''
      : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t(page, text.errorsCaption)}</h2>
<ul>${data.violations.map((violation) => html`<li>${violation.message[page.lang]}</li>`)}</ul>
</div>`
  const heading = data.status === 404 ? t(page, text.notFoundTitle) : data.status === 401 ? t(page, text.signInTitle) : data.status >= 500 ? t(page, text.errorTitle) : data.title
  return layout(page, {
    title: heading,
    body: html`${violations}
<p class="lead">${explanation}</p>
<p><a href="${hrefTo(page, '/')}">${t(page, text.backToRegister)}</a></p>`,
  })
}
