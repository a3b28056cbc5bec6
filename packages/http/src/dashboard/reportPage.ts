import { z } from 'zod'
import { allRegisterEntries, querySemesterReport, semesterBounds, semesterSchema } from '@kerjasama/projections'
import type { SemesterReport, SemesterReportRow } from '@kerjasama/projections'
import { dayText, numberText, regionText } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { filterForm } from './filterForm'
import { html } from './html'
import type { Html } from './html'
import { layout } from './layout'
import { monevChart } from './monevChart'
import type { LineSeries } from './lineChart'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { languageParameter } from './pageQuery'
import { table } from './table'
import { endReasonNames, semesterName, stageNames, stageOrder, text } from './text'

export const reportPageQuery = z.strictObject({ semester: semesterSchema.optional(), region: z.string().trim().min(1).max(10).optional(), ...languageParameter })
export type ReportPageQuery = z.output<typeof reportPageQuery>

export type ReportPageData = { query: ReportPageQuery; report: SemesterReport; monev: LineSeries[] }

/** The semester a day (YYYY-MM-DD) falls in: the report an officer is preparing. */
export function semesterOf(day: string): string {
  return `${day.slice(0, 4)}-${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`
}

/** `today` is the page's day (pageToday): on 1 January at 02:30 in Jayapura the default report is already the new year's first semester. */
export async function loadReport(source: DashboardSource, query: ReportPageQuery, today: string): Promise<ReportPageData> {
  const semester = query.semester ?? semesterOf(today)
  const report = await querySemesterReport(source.reader, { semester, ...(query.region === undefined ? {} : { region: query.region }) })
  const { to } = semesterBounds(semester)
  // Every monev held by the semester's last day, one line per agreement: the trend the report's mean score summarises.
  const monev: LineSeries[] = []
  for await (const entry of allRegisterEntries(source.reader, query.region === undefined ? {} : { region: query.region })) {
    const points = entry.monev.filter((held) => held.happenedOn <= to).map((held) => ({ day: held.happenedOn, value: held.score }))
    if (points.length > 0) monev.push({ label: entry.object, points })
  }
  monev.sort((a, b) => a.label.localeCompare(b.label))
  return { query: { ...query, semester }, report, monev }
}

/** The semester report per region, its CSV from the JSON API, and the monev scores over time as a chart with its table. */
export function reportPage(page: PageContext, data: ReportPageData): Html {
  const { report, query } = data
  const number = (value: number | null): string => numberText(page, value)
  const csvSearch = new URLSearchParams({ format: 'csv', lang: page.lang, ...(query.region === undefined ? {} : { region: query.region }) })
  const csvHref = `${page.basePath}/api/reports/semester/${encodeURIComponent(report.semester)}?${csvSearch.toString()}`
  const form = filterForm(page, {
    id: 'report-filters',
    fields: [
      { kind: 'text', name: 'semester', label: t(page, text.semester), hint: t(page, text.semesterHint), value: report.semester },
      { kind: 'text', name: 'region', label: t(page, text.region), hint: t(page, text.regionHint), value: query.region, inputMode: 'decimal' },
    ],
  })
  const stages = table<SemesterReportRow>({
    id: 'report-stages',
    caption: t(page, text.reportStagesCaption),
    columns: [
      { header: t(page, text.region), cell: (row) => regionText(page, row.region), rowHeader: true },
      ...stageOrder.map((stage) => ({ header: t(page, stageNames[stage]), cell: (row: SemesterReportRow) => number(row.byStage[stage] ?? 0), numeric: true })),
    ],
    rows: report.rows,
    empty: t(page, text.reportEmpty),
  })
  const activity = table<SemesterReportRow>({
    id: 'report-activity',
    caption: t(page, text.reportActivityCaption),
    columns: [
      { header: t(page, text.region), cell: (row) => regionText(page, row.region), rowHeader: true },
      { header: t(page, text.newSignings), cell: (row) => number(row.newSignings), numeric: true },
      { header: t(page, text.actionsWithEvidence), cell: (row) => number(row.actionsCompletedWithEvidence), numeric: true },
      { header: t(page, text.monevHeld), cell: (row) => number(row.monevHeld), numeric: true },
      { header: t(page, text.monevMean), cell: (row) => number(row.monevMeanScore), numeric: true },
      { header: t(page, text.endedInSemester), cell: (row) => number(row.ended.expired + row.ended.terminated + row.ended.superseded), numeric: true },
    ],
    rows: report.rows,
    empty: t(page, text.reportEmpty),
  })
  const endings = report.rows.flatMap((row) => row.endings.map((ending) => ({ region: row.region, ...ending })))
  const endingsTable =
    endings.length === 0
      ? ''
      : table<(typeof endings)[number]>({
          id: 'report-endings',
          caption: t(page, text.endingsCaption),
          columns: [
            { header: t(page, text.dueDate), cell: (ending) => dayText(page, ending.on), rowHeader: true },
            { header: t(page, text.region), cell: (ending) => regionText(page, ending.region) },
            { header: t(page, text.agreement), cell: (ending) => ending.agreementId },
            { header: t(page, text.endedHow), cell: (ending) => html`${t(page, endReasonNames[ending.reason] ?? { id: ending.reason, en: ending.reason })}${ending.note === undefined ? '' : html`<span class="cell-detail">${ending.note}</span>`}` },
          ],
          rows: endings,
          empty: '',
        })
  const chart = monevChart(page, data.monev)
  return layout(page, {
    title: `${t(page, text.reportTitle)}: ${t(page, semesterName(report.semester))}`,
    current: 'report',
    body: html`<p class="lead">${t(page, text.reportIntro)}</p>
<p>${dayText(page, report.from)} – ${dayText(page, report.to)}</p>
${form}
<p><a class="button button--secondary" href="${csvHref}" download>${t(page, text.downloadCsv)}</a></p>
${stages}
${activity}
${endingsTable}
<h2>${t(page, text.monevChartTitle)}</h2>
${chart}`,
  })
}
