import { z } from 'zod'
import { cooperationKinds, supportingUnits, urusanCatalogue } from '@kerjasama/core'
import { queryRegister, registerFilterSchema } from '@kerjasama/projections'
import type { RegisterEntry, RegisterPage } from '@kerjasama/projections'
import { dayText, regionText } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { filterForm } from './filterForm'
import { html, join } from './html'
import type { Html } from './html'
import { layout } from './layout'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { agreementHref } from './pageLinks'
import { languageParameter } from './pageQuery'
import { pagination } from './pagination'
import { table } from './table'
import { stageNames, stageOrder, text } from './text'

const pageSizes = [10, 25, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 25

/** The register's own filters (the read model's schema), with the page size coerced from the query string. */
export const registerPageQuery = z.strictObject({
  ...registerFilterSchema.shape,
  limit: z.coerce.number().int().min(1).max(100).optional(),
  ...languageParameter,
})
export type RegisterPageQuery = z.output<typeof registerPageQuery>

export type RegisterPageData = { query: RegisterPageQuery; page: RegisterPage }

export async function loadRegister(source: DashboardSource, query: RegisterPageQuery): Promise<RegisterPageData> {
  const { lang: _lang, limit, ...filter } = query
  return { query, page: await queryRegister(source.reader, { ...filter, limit: limit ?? DEFAULT_PAGE_SIZE }) }
}

/** The register: the read model's filters as a form, one row per agreement, keyset pages. */
export function registerPage(page: PageContext, data: RegisterPageData): Html {
  const { query } = data
  const { lang: _lang, after, ...kept } = query
  const form = filterForm(page, {
    id: 'register-filters',
    fields: [
      { kind: 'text', name: 'region', label: t(page, text.region), hint: t(page, text.regionHint), value: query.region, inputMode: 'decimal' },
      { kind: 'text', name: 'party', label: t(page, text.party), hint: t(page, text.partyHint), value: query.party },
      {
        kind: 'select',
        name: 'urusan',
        label: t(page, text.urusan),
        value: query.urusan,
        options: [...urusanCatalogue, ...supportingUnits].map((entry) => ({ value: entry.code, label: `${entry.code} ${entry.name}` })),
      },
      { kind: 'select', name: 'stage', label: t(page, text.stage), value: query.stage, options: stageOrder.map((stage) => ({ value: stage, label: t(page, stageNames[stage]) })) },
      { kind: 'select', name: 'kind', label: t(page, text.kind), value: query.kind, options: cooperationKinds.map((kind) => ({ value: kind, label: kind })) },
      { kind: 'text', name: 'planningDocument', label: t(page, text.planningDocument), hint: t(page, text.planningDocumentHint), value: query.planningDocument },
      { kind: 'text', name: 'potential', label: t(page, text.potential), value: query.potential },
      { kind: 'date', name: 'endingBefore', label: t(page, text.endingBefore), value: query.endingBefore },
      { kind: 'select', name: 'limit', label: t(page, text.perPage), value: String(query.limit ?? DEFAULT_PAGE_SIZE), options: pageSizes.map((size) => ({ value: String(size), label: String(size) })) },
    ],
  })
  const rows = table<RegisterEntry>({
    id: 'register',
    caption: t(page, text.registerCaption),
    columns: [
      { header: t(page, text.objectColumn), cell: (entry) => html`<a href="${agreementHref(page, entry)}">${entry.object}</a>`, rowHeader: true },
      { header: t(page, text.kind), cell: (entry) => entry.kind },
      { header: t(page, text.initiatingRegion), cell: (entry) => regionText(page, entry.initiatingRegion) },
      { header: t(page, text.urusan), cell: (entry) => (entry.urusan.length === 0 ? '—' : join(entry.urusan.map((urusan) => html`<abbr title="${urusan.name}">${urusan.code}</abbr>`), ', ')) },
      { header: t(page, text.stage), cell: (entry) => html`<span class="tag stage-tag-${entry.stage}">${t(page, stageNames[entry.stage])}</span>` },
      { header: t(page, text.endDate), cell: (entry) => dayText(page, entry.endDate) },
      { header: t(page, text.nextDue), cell: (entry) => dayText(page, entry.nextDueDate) },
    ],
    rows: data.page.items,
    empty: t(page, text.registerEmpty),
  })
  return layout(page, {
    title: t(page, text.registerTitle),
    current: 'register',
    body: html`<p class="lead">${t(page, text.registerIntro)}</p>
${form}
${rows}
${pagination(page, { params: kept, next: data.page.next, onFirstPage: after === undefined })}`,
  })
}
