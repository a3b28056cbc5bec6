import { z } from 'zod'
import { allRegisterEntries, matrixQuerySchema, queryUrusanMatrix } from '@kerjasama/projections'
import type { Stage, UrusanMatrix } from '@kerjasama/projections'
import { barChart } from './barChart'
import { numberText, regionText } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { filterForm } from './filterForm'
import { html, join } from './html'
import type { Html } from './html'
import { layout } from './layout'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { languageParameter } from './pageQuery'
import { table } from './table'
import { stageNames, stageOrder, stagesChartDescription, text } from './text'

export const matrixPageQuery = z.strictObject({ ...matrixQuerySchema.shape, ...languageParameter })
export type MatrixPageQuery = z.output<typeof matrixPageQuery>

type MatrixRow = UrusanMatrix['rows'][number]
export type StageCounts = { region: string; counts: Partial<Record<Stage, number>> }

export type MatrixPageData = { query: MatrixPageQuery; matrix: UrusanMatrix; byStage: StageCounts[] }

const inScope = (region: string, query: MatrixPageQuery): boolean =>
  (query.region === undefined || region === query.region) && (query.province === undefined || region === query.province || region.startsWith(`${query.province}.`))

export async function loadMatrix(source: DashboardSource, query: MatrixPageQuery): Promise<MatrixPageData> {
  const { lang: _lang, ...filter } = query
  const matrix = await queryUrusanMatrix(source.reader, filter)
  // Agreements, not agreement × urusan as in the matrix: each counts once per region taking part, at its current stage.
  const counts = new Map<string, Partial<Record<Stage, number>>>()
  for await (const entry of allRegisterEntries(source.reader, query.region === undefined ? {} : { region: query.region })) {
    for (const region of entry.regions) {
      if (!inScope(region, query)) continue
      const row = counts.get(region) ?? {}
      row[entry.stage] = (row[entry.stage] ?? 0) + 1
      counts.set(region, row)
    }
  }
  const byStage = [...counts.entries()].map(([region, stageCounts]) => ({ region, counts: stageCounts })).sort((a, b) => a.region.localeCompare(b.region, 'en', { numeric: true }))
  return { query, matrix, byStage }
}

/** Five shades: none, then quarters of the largest cell; the number is always written in the cell, so colour is never the only sign. */
function shadeOf(total: number, largest: number): string {
  if (total <= 0 || largest <= 0) return 'shade-0'
  return `shade-${Math.min(4, Math.ceil((total / largest) * 4))}`
}

/** The pemetaan urusan: urusan across, regions down, shaded by count; and the agreements by stage per region as a chart with its table. */
export function matrixPage(page: PageContext, data: MatrixPageData): Html {
  const { matrix, query } = data
  const largest = Math.max(0, ...matrix.rows.flatMap((row) => Object.values(row.cells).map((cell) => cell.total)))
  const stageSummary = (counts: Partial<Record<Stage, number>>): Html =>
    join(
      stageOrder.filter((stage) => (counts[stage] ?? 0) > 0).map((stage) => html`${numberText(page, counts[stage])} ${t(page, stageNames[stage]).toLowerCase()}`),
      ', ',
    )
  const grid = table<MatrixRow>({
    id: 'matrix',
    caption: t(page, text.matrixCaption),
    columns: [
      { header: t(page, text.region), cell: (row) => regionText(page, row.region), rowHeader: true },
      ...matrix.urusan.map((urusan) => ({
        header: html`<abbr title="${urusan.name}">${urusan.code}</abbr><span class="column-note">${urusan.name}</span>`,
        cell: (row: MatrixRow) => {
          const cell = row.cells[urusan.code]
          return cell === undefined ? html`<span class="count">0</span>` : html`<span class="count">${numberText(page, cell.total)}</span><span class="cell-detail">${stageSummary(cell.counts)}</span>`
        },
        className: 'matrix-cell',
        cellClass: (row: MatrixRow) => `${shadeOf(row.cells[urusan.code]?.total ?? 0, largest)}`,
      })),
      { header: t(page, text.total), cell: (row) => numberText(page, row.total), numeric: true },
    ],
    rows: matrix.rows,
    empty: t(page, text.matrixEmpty),
    footer: [
      t(page, text.total),
      ...matrix.urusan.map((urusan) => numberText(page, matrix.rows.reduce((sum, row) => sum + (row.cells[urusan.code]?.total ?? 0), 0))),
      numberText(page, matrix.rows.reduce((sum, row) => sum + row.total, 0)),
    ],
  })
  const chart = barChart({
    id: 'stages-chart',
    title: t(page, text.stagesChartTitle),
    description: t(page, stagesChartDescription(data.byStage.length)),
    series: stageOrder.map((stage) => ({ key: stage, label: t(page, stageNames[stage]), className: `stage-${stage}` })),
    rows: data.byStage.map((row) => ({ label: regionText(page, row.region), values: row.counts })),
    tableCaption: t(page, text.stagesTableCaption),
    rowHeader: t(page, text.region),
    totalHeader: t(page, text.total),
    empty: t(page, text.registerEmpty),
    number: (value) => numberText(page, value),
  })
  const form = filterForm(page, {
    id: 'matrix-filters',
    fields: [
      { kind: 'text', name: 'region', label: t(page, text.region), hint: t(page, text.regionHint), value: query.region, inputMode: 'decimal' },
      { kind: 'text', name: 'province', label: t(page, text.province), hint: t(page, text.provinceHint), value: query.province, inputMode: 'decimal' },
    ],
  })
  return layout(page, {
    title: t(page, text.matrixTitle),
    current: 'matrix',
    body: html`<p class="lead">${t(page, text.matrixIntro)}</p>
${form}
${grid}
<h2>${t(page, text.stagesChartTitle)}</h2>
${chart}`,
  })
}
