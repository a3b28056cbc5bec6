import { html } from './html'
import type { Html, Interpolation } from './html'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { hrefTo, otherLanguageHref, stylesheetHref } from './pageLinks'
import { text } from './text'

export type NavKey = 'register' | 'matrix' | 'watchlist' | 'deadlines' | 'potentials' | 'report'

const navigation: ReadonlyArray<{ key: NavKey; path: string; label: (typeof text)[keyof typeof text] }> = [
  { key: 'register', path: '/', label: text.navRegister },
  { key: 'matrix', path: '/matrix', label: text.navMatrix },
  { key: 'watchlist', path: '/watchlist', label: text.navWatchlist },
  { key: 'deadlines', path: '/deadlines', label: text.navDeadlines },
  { key: 'potentials', path: '/potentials', label: text.navPotentials },
  { key: 'report', path: '/reports/semester', label: text.navReport },
]

export type LayoutInput = {
  /** The page's own name, for <title> and the heading. */
  title: string
  /** Which menu entry is the current page, if any. */
  current?: NavKey
  /** Shown above the heading: the "back" link of an agreement, say. */
  before?: Interpolation
  body: Interpolation
}

/**
 * The page every template fills: the document's language, a skip link to the
 * content, the menu (the current page marked for screen readers too), the
 * language switch keeping the page's filters, and nothing that runs.
 */
export function layout(page: PageContext, input: LayoutInput): Html {
  const other = page.lang === 'id' ? 'en' : 'id'
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} — ${t(page, text.siteName)}</title>
<link rel="stylesheet" href="${stylesheetHref(page)}">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">${t(page, text.skipToContent)}</a>
<header class="site-header">
<div class="wrap site-header__bar">
<a class="site-header__name" href="${hrefTo(page, '/')}">${t(page, text.siteName)}</a>
<a class="site-header__language" href="${otherLanguageHref(page)}" hreflang="${other}" lang="${other}">${t(page, text.otherLanguage)}</a>
</div>
<nav class="wrap site-nav" aria-label="${t(page, text.mainMenu)}">
<ul>
${navigation.map(
  (entry) => html`<li><a href="${hrefTo(page, entry.path)}"${entry.key === input.current ? html` aria-current="page"` : ''}>${t(page, entry.label)}</a></li>
`,
)}</ul>
</nav>
</header>
<main id="main" class="wrap" tabindex="-1">
${input.before ?? ''}
<h1>${input.title}</h1>
${input.body}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${t(page, text.siteTagline)}. ${t(page, text.readOnlyNote)}</p>
</div>
</footer>
</body>
</html>
`
}
