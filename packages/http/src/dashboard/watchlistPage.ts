import { z } from 'zod'
import { queryWatchlist } from '@kerjasama/projections'
import type { WatchlistEntry } from '@kerjasama/projections'
import { dayText, pageToday } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { filterForm } from './filterForm'
import { html } from './html'
import type { Html } from './html'
import { layout } from './layout'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { agreementHref } from './pageLinks'
import { languageParameter } from './pageQuery'
import { table } from './table'
import { severityNames, stageNames, text } from './text'

export const watchlistPageQuery = z.strictObject({ region: z.string().trim().min(1).max(10).optional(), ...languageParameter })
export type WatchlistPageQuery = z.output<typeof watchlistPageQuery>

export type WatchlistPageData = { query: WatchlistPageQuery; items: WatchlistEntry[] }

/** Judged at the page's instant: time passing is no event, so the watchlist is never stored. */
export async function loadWatchlist(source: DashboardSource, query: WatchlistPageQuery, now: Date): Promise<WatchlistPageData> {
  const items = await queryWatchlist(source.reader, {
    now,
    ...(query.region === undefined ? {} : { region: query.region }),
    ...(source.watchlistPolicy === undefined ? {} : { policy: source.watchlistPolicy }),
  })
  return { query, items }
}

type OverdueAction = { description?: unknown; dueDate?: unknown }

/** The overdue actions a finding names, so the officer sees which one without opening the agreement. */
function actionsNamed(page: PageContext, entry: WatchlistEntry): Html {
  const actions = Array.isArray(entry.details.actions) ? (entry.details.actions as OverdueAction[]) : []
  if (actions.length === 0) return html``
  return html`<ul class="finding-actions">${actions.map((action) => html`<li>${String(action.description ?? '')} (${dayText(page, typeof action.dueDate === 'string' ? action.dueDate : undefined)})</li>`)}</ul>`
}

/** The ceremonial-risk watchlist, worst first, each risk with its reason and the day it began. */
export function watchlistPage(page: PageContext, data: WatchlistPageData): Html {
  const form = filterForm(page, {
    id: 'watchlist-filters',
    fields: [{ kind: 'text', name: 'region', label: t(page, text.region), hint: t(page, text.regionHint), value: data.query.region, inputMode: 'decimal' }],
  })
  const risks = table<WatchlistEntry>({
    id: 'watchlist',
    caption: t(page, text.watchlistCaption),
    columns: [
      { header: t(page, text.agreement), cell: (entry) => html`<a href="${agreementHref(page, entry)}">${entry.object}</a>`, rowHeader: true },
      { header: t(page, text.severity), cell: (entry) => html`<span class="tag severity-${entry.severity}">${t(page, severityNames[entry.severity])}</span>` },
      { header: t(page, text.reason), cell: (entry) => html`${entry.reason[page.lang]}${actionsNamed(page, entry)}` },
      { header: t(page, text.stage), cell: (entry) => t(page, stageNames[entry.stage]) },
      { header: t(page, text.since), cell: (entry) => dayText(page, entry.since) },
    ],
    rows: data.items,
    empty: t(page, text.watchlistEmpty),
  })
  return layout(page, {
    title: t(page, text.watchlistTitle),
    current: 'watchlist',
    body: html`<p class="lead">${t(page, text.watchlistIntro)}</p>
<p class="as-of">${t(page, text.asOf)} ${dayText(page, pageToday(page, data.query.region))}</p>
${form}
${risks}`,
  })
}
