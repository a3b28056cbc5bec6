import { dayText, numberText } from './displayFormats'
import type { Html } from './html'
import { lineChart } from './lineChart'
import type { LineSeries } from './lineChart'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { monevChartDescription, text } from './text'

/** Monev scores over time, one line per agreement, with its table: the agreement page and the semester report draw the same chart. */
export function monevChart(page: PageContext, series: readonly LineSeries[]): Html {
  return lineChart({
    id: 'monev-chart',
    title: t(page, text.monevChartTitle),
    description: t(page, monevChartDescription(series.reduce((sum, line) => sum + line.points.length, 0), series.length)),
    series,
    max: 100,
    tableCaption: t(page, text.monevTableCaption),
    seriesHeader: t(page, text.agreement),
    dayHeader: t(page, text.heldOn),
    valueHeader: t(page, text.score),
    empty: t(page, text.monevEmpty),
    day: (day) => dayText(page, day),
    shortDay: (day) => day,
    number: (value) => numberText(page, value),
  })
}
