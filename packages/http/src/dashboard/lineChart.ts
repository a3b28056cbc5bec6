import { shortLabel } from './chartScale'
import { html } from './html'
import type { Html, Interpolation } from './html'
import { table } from './table'

export type LinePoint = { day: string; value: number }
export type LineSeries = { label: string; points: readonly LinePoint[] }

export type LineChartInput = {
  id: string
  title: string
  description: string
  series: readonly LineSeries[]
  /** The y axis runs from 0 to this (monev scores: 100). */
  max: number
  tableCaption: string
  seriesHeader: string
  dayHeader: string
  valueHeader: string
  empty: string
  day: (day: string) => Interpolation
  shortDay: (day: string) => string
  number: (value: number) => string
}

const WIDTH = 760
const HEIGHT = 300
const LEFT = 48
const RIGHT = 24
const TOP = 16
const BOTTOM = 40
const INSET = 16
const SERIES_CLASSES = 6
const DAY_MS = 86_400_000

/**
 * Values over time, one line per series, on the server as SVG (role="img",
 * <title>, <desc>); the points are also the rows of the table under it.
 * Marker shapes differ by series as well as colours, so the lines can be
 * told apart without colour.
 */
export function lineChart(input: LineChartInput): Html {
  const points = input.series.flatMap((series) => series.points)
  const rows = input.series.flatMap((series) => series.points.map((point) => ({ series: series.label, ...point }))).sort((a, b) => a.day.localeCompare(b.day) || a.series.localeCompare(b.series))
  const data = table({
    id: `${input.id}-data`,
    caption: input.tableCaption,
    columns: [
      { header: input.dayHeader, cell: (row: (typeof rows)[number]) => input.day(row.day), rowHeader: true },
      { header: input.seriesHeader, cell: (row: (typeof rows)[number]) => row.series },
      { header: input.valueHeader, cell: (row: (typeof rows)[number]) => input.number(row.value), numeric: true },
    ],
    rows,
    empty: input.empty,
  })
  if (points.length === 0) return data
  const times = points.map((point) => Date.parse(`${point.day}T00:00:00Z`))
  // A single day still gets an axis: a fortnight either side.
  const first = Math.min(...times) - (Math.min(...times) === Math.max(...times) ? 14 * DAY_MS : 0)
  const last = Math.max(...times) + (Math.min(...times) === Math.max(...times) ? 14 * DAY_MS : 0)
  // Points are kept clear of the y axis and the right edge, so no marker sits on a tick label.
  const x = (day: string): number => LEFT + INSET + ((Date.parse(`${day}T00:00:00Z`) - first) / (last - first)) * (WIDTH - LEFT - RIGHT - 2 * INSET)
  const y = (value: number): number => TOP + (1 - Math.min(Math.max(value, 0), input.max) / input.max) * (HEIGHT - TOP - BOTTOM)
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((share) => share * input.max)
  const xTicks = [first, first + (last - first) / 2, last].map((time) => new Date(time).toISOString().slice(0, 10))
  const grid = html`${yTicks.map(
    (tick) =>
      html`<line class="chart__grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}"/><text class="chart__tick" x="${LEFT - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${input.number(tick)}</text>`,
  )}${xTicks.map(
    (tick, index) =>
      html`<text class="chart__tick" x="${x(tick).toFixed(1)}" y="${HEIGHT - BOTTOM + 20}" text-anchor="${index === 0 ? 'start' : index === xTicks.length - 1 ? 'end' : 'middle'}">${input.shortDay(tick)}</text>`,
  )}`
  const lines = input.series.map((series, index) => {
    const className = `series-${index % SERIES_CLASSES}`
    const ordered = [...series.points].sort((a, b) => a.day.localeCompare(b.day))
    const path = ordered.map((point) => `${x(point.day).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ')
    return html`<g class="${className}">${ordered.length > 1 ? html`<polyline class="chart__line" points="${path}"/>` : ''}${ordered.map((point) => marker(index, x(point.day), y(point.value), html`${series.label}, ${input.shortDay(point.day)}: ${input.number(point.value)}`))}</g>
`
  })
  const titleId = `${input.id}-title`
  const descId = `${input.id}-desc`
  return html`<figure class="chart" id="${input.id}">
<svg class="chart__svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="xMinYMin meet">
<title id="${titleId}">${input.title}</title>
<desc id="${descId}">${input.description}</desc>
${grid}
<line class="chart__axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}"/>
${lines}
</svg>
<ul class="chart__legend">
${input.series.map((series, index) => html`<li class="series-${index % SERIES_CLASSES}"><svg class="chart__key" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">${marker(index, 0, 0, '')}</svg>${shortLabel(series.label, 80)}</li>`)}
</ul>
</figure>
${data}`
}

function marker(seriesIndex: number, cx: number, cy: number, label: Interpolation): Html {
  const title = label === '' ? '' : html`<title>${label}</title>`
  const at = (value: number): string => value.toFixed(1)
  switch (seriesIndex % 3) {
    case 0:
      return html`<circle class="chart__marker" cx="${at(cx)}" cy="${at(cy)}" r="5">${title}</circle>`
    case 1:
      return html`<rect class="chart__marker" x="${at(cx - 4.5)}" y="${at(cy - 4.5)}" width="9" height="9">${title}</rect>`
    default:
      return html`<polygon class="chart__marker" points="${at(cx)},${at(cy - 6)} ${at(cx + 5.5)},${at(cy + 4)} ${at(cx - 5.5)},${at(cy + 4)}">${title}</polygon>`
  }
}
