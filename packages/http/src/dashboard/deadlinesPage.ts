import { z } from 'zod'
import { queryDeadlines } from '@kerjasama/projections'
import type { Deadline } from '@kerjasama/projections'
import { dayText, pageToday, regionText } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { filterForm } from './filterForm'
import { html, join } from './html'
import type { Html } from './html'
import { layout } from './layout'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { agreementHref, hrefTo } from './pageLinks'
import { languageParameter } from './pageQuery'
import { table } from './table'
import { days, deadlineKindNames, text } from './text'

export const deadlinePeriods = [30, 60, 90] as const

export const deadlinesPageQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(3650).optional(),
  region: z.string().trim().min(1).max(10).optional(),
  kind: z.enum(['action', 'term-end']).optional(),
  ...languageParameter,
})
export type DeadlinesPageQuery = z.output<typeof deadlinesPageQuery>

export type DeadlinesPageData = { query: DeadlinesPageQuery; days: number; items: Deadline[] }

export async function loadDeadlines(source: DashboardSource, query: DeadlinesPageQuery, now: Date): Promise<DeadlinesPageData> {
  const { lang: _lang, ...filter } = query
  const period = query.days ?? deadlinePeriods[0]
  return { query, days: period, items: await queryDeadlines(source.reader, { ...filter, now, days: period }) }
}

/** Actions falling due and terms ending in the next 30, 60 or 90 days, soonest first. */
export function deadlinesPage(page: PageContext, data: DeadlinesPageData): Html {
  const { query } = data
  const periods = html`<nav class="periods" aria-label="${t(page, text.period)}"><ul>${deadlinePeriods.map(
    (period) => html`<li><a href="${hrefTo(page, page.path, { region: query.region, kind: query.kind, days: period })}"${period === data.days ? html` aria-current="page"` : ''}>${t(page, days(period))}</a></li>`,
  )}</ul></nav>`
  const form = filterForm(page, {
    id: 'deadline-filters',
    fields: [
      { kind: 'select', name: 'days', label: t(page, text.period), value: String(data.days), options: deadlinePeriods.map((period) => ({ value: String(period), label: t(page, days(period)) })) },
      { kind: 'text', name: 'region', label: t(page, text.region), hint: t(page, text.regionHint), value: query.region, inputMode: 'decimal' },
      { kind: 'select', name: 'kind', label: t(page, text.what), value: query.kind, options: (['action', 'term-end'] as const).map((kind) => ({ value: kind, label: t(page, deadlineKindNames[kind]) })) },
    ],
  })
  const due = table<Deadline>({
    id: 'deadlines',
    caption: html`${t(page, text.deadlinesCaption)}: ${t(page, days(data.days)).toLowerCase()}`,
    columns: [
      { header: t(page, text.dueDate), cell: (deadline) => dayText(page, deadline.dueDate), rowHeader: true },
      { header: t(page, text.what), cell: (deadline) => t(page, deadlineKindNames[deadline.kind] ?? deadlineKindNames.action) },
      { header: t(page, text.agreement), cell: (deadline) => html`<a href="${agreementHref(page, deadline)}">${deadline.object}</a>` },
      { header: t(page, text.description), cell: (deadline) => html`${deadline.description ?? '—'}${deadline.output === undefined ? '' : html`<span class="cell-detail">${t(page, text.output)}: ${deadline.output}</span>`}` },
      { header: t(page, text.owner), cell: (deadline) => deadline.owner ?? '—' },
      { header: t(page, text.regions), cell: (deadline) => join(deadline.regions.map((region) => regionText(page, region)), ', ') },
    ],
    rows: data.items,
    empty: t(page, text.deadlinesEmpty),
  })
  return layout(page, {
    title: t(page, text.deadlinesTitle),
    current: 'deadlines',
    body: html`<p class="lead">${t(page, text.deadlinesIntro)}</p>
<p class="as-of">${t(page, text.asOf)} ${dayText(page, pageToday(page, query.region))}</p>
${periods}
${form}
${due}`,
  })
}
