import { z } from 'zod'
import { potentialsQuerySchema, queryPotentials } from '@kerjasama/projections'
import type { PotentialView } from '@kerjasama/projections'
import { regionText } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { filterForm } from './filterForm'
import { html, join } from './html'
import type { Html } from './html'
import { layout } from './layout'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { agreementHref } from './pageLinks'
import { languageParameter } from './pageQuery'
import { table } from './table'
import { stageNames, text } from './text'

export const potentialsPageQuery = z.strictObject({ ...potentialsQuerySchema.shape, ...languageParameter })
export type PotentialsPageQuery = z.output<typeof potentialsPageQuery>

export type PotentialsPageData = { query: PotentialsPageQuery; items: PotentialView[] }

export async function loadPotentials(source: DashboardSource, query: PotentialsPageQuery): Promise<PotentialsPageData> {
  const { lang: _lang, ...filter } = query
  return { query, items: await queryPotentials(source.reader, filter) }
}

/** Each local potential with the regions and agreements pursuing it and how far they got. */
export function potentialsPage(page: PageContext, data: PotentialsPageData): Html {
  const form = filterForm(page, {
    id: 'potential-filters',
    fields: [{ kind: 'text', name: 'region', label: t(page, text.region), hint: t(page, text.regionHint), value: data.query.region, inputMode: 'decimal' }],
  })
  const potentials = table<PotentialView>({
    id: 'potentials',
    caption: t(page, text.potentialsCaption),
    columns: [
      { header: t(page, text.potential), cell: (potential) => potential.potential, rowHeader: true },
      { header: t(page, text.regions), cell: (potential) => join(potential.regions.map((region) => regionText(page, region)), ', ') },
      { header: t(page, text.furthestStage), cell: (potential) => html`<span class="tag stage-tag-${potential.furthestStage}">${t(page, stageNames[potential.furthestStage])}</span>` },
      {
        header: t(page, text.agreements),
        cell: (potential) =>
          html`<ul class="plain-list">${potential.agreements.map(
            (agreement) => html`<li><a href="${agreementHref(page, agreement)}">${agreement.object}</a> — ${t(page, stageNames[agreement.stage])}</li>`,
          )}</ul>`,
      },
    ],
    rows: data.items,
    empty: t(page, text.potentialsEmpty),
  })
  return layout(page, {
    title: t(page, text.potentialsTitle),
    current: 'potentials',
    body: html`<p class="lead">${t(page, text.potentialsIntro)}</p>
${form}
${potentials}`,
  })
}
