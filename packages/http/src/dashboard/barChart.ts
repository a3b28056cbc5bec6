import { countTicks, shortLabel } from './chartScale'
import { html } from './html'
import type { Html } from './html'
import { table } from './table'

export type BarSeries = { key: string; label: string; className: string }

export type BarChartInput = {
  id: string
  title: string
  description: string
  series: readonly BarSeries[]
  rows: ReadonlyArray<{ label: string; values: Readonly<Record<string, number>> }>
  /** The data table under the chart. */
  tableCaption: string
  rowHeader: string
  totalHeader: string
  empty: string
  number: (value: number) => string
}

const WIDTH = 760
const LABEL_WIDTH = 230
const BAR_WIDTH = WIDTH - LABEL_WIDTH - 20
const ROW_HEIGHT = 30
const TOP = 10
const AXIS_HEIGHT = 28

/**
 * A stacked horizontal bar per row, drawn on the server as SVG: named by its
 * <title> and <desc> (role="img"), colours from the stylesheet, each segment
 * wide enough carrying its number, and the same numbers in a table under it
 * for anyone who reads rather than looks.
 */
export function barChart(input: BarChartInput): Html {
  const totals = input.rows.map((row) => input.series.reduce((sum, series) => sum + (row.values[series.key] ?? 0), 0))
  const ticks = countTicks(Math.max(0, ...totals))
  const top = ticks.at(-1) as number
  const scale = (value: number): number => (value / top) * BAR_WIDTH
  const height = TOP + input.rows.length * ROW_HEIGHT + AXIS_HEIGHT
  const bars = input.rows.map((row, index) => {
    const y = TOP + index * ROW_HEIGHT
    let x = LABEL_WIDTH
    const segments = input.series.map((series) => {
      const value = row.values[series.key] ?? 0
      if (value === 0) return html``
      const width = scale(value)
      const segment = html`<rect class="${series.className}" x="${x.toFixed(1)}" y="${y + 4}" width="${width.toFixed(1)}" height="${ROW_HEIGHT - 8}"><title>${series.label}: ${input.number(value)}</title></rect>${
        width >= 18 ? html`<text class="chart__value" x="${(x + width / 2).toFixed(1)}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="middle">${input.number(value)}</text>` : ''
      }`
      x += width
      return segment
    })
    return html`<g><text class="chart__label" x="${LABEL_WIDTH - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end">${shortLabel(row.label, 32)}</text>${segments}</g>
`
  })
  const axisY = TOP + input.rows.length * ROW_HEIGHT
  const axis = ticks.map(
    (tick) =>
      html`<line class="chart__grid" x1="${(LABEL_WIDTH + scale(tick)).toFixed(1)}" x2="${(LABEL_WIDTH + scale(tick)).toFixed(1)}" y1="${TOP}" y2="${axisY}"/><text class="chart__tick" x="${(LABEL_WIDTH + scale(tick)).toFixed(1)}" y="${axisY + 18}" text-anchor="middle">${input.number(tick)}</text>`,
  )
  const titleId = `${input.id}-title`
  const descId = `${input.id}-desc`
  const chart =
    input.rows.length === 0
      ? html``
      : html`<figure class="chart" id="${input.id}">
<svg class="chart__svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="xMinYMin meet">
<title id="${titleId}">${input.title}</title>
<desc id="${descId}">${input.description}</desc>
${axis}
${bars}
</svg>
<ul class="chart__legend">
${input.series.map((series) => html`<li><span class="chart__swatch ${series.className}" aria-hidden="true"></span>${series.label}</li>`)}
</ul>
</figure>
`
  const data = table({
    id: `${input.id}-data`,
    caption: input.tableCaption,
    columns: [
      { header: input.rowHeader, cell: (index: number) => input.rows[index]?.label, rowHeader: true },
      ...input.series.map((series) => ({ header: series.label, cell: (index: number) => input.number(input.rows[index]?.values[series.key] ?? 0), numeric: true })),
      { header: input.totalHeader, cell: (index: number) => input.number(totals[index] ?? 0), numeric: true },
    ],
    rows: input.rows.map((_, index) => index),
    empty: input.empty,
  })
  return html`${chart}${data}`
}
