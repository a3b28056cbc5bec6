import { builtInReader, querySemesterReport, semesterReportCsv, semesterSchema } from '@kerjasama/projections'
import type { SemesterReport } from '@kerjasama/projections'
import type { Command } from '../command'
import type { Wording } from '../language'
import { EXIT } from '../exitCodes'
import { regionValue } from '../filterCodes'
import { jsonText } from '../jsonOutput'
import { choiceValue, requiredValue } from '../optionValues'
import { READ_ONLY_NOTE, withReadOnlyStore } from '../readCommand'
import { commandOptions } from '../storeOptions'
import { renderTable, tableWidth } from '../tableLayout'
import { UsageError } from '../usageError'

const FORMATS = ['table', 'csv', 'json'] as const

export const reportCommand: Command = {
  name: 'report',
  summary: { id: 'laporan semester per wilayah (tabel, CSV, atau JSON); hanya membaca', en: 'the semester report per region (table, CSV or JSON), read-only' },
  options: commandOptions({
    semester: { id: 'semester yang dilaporkan: 2026-1 (Januari–Juni) atau 2026-2 (Juli–Desember); wajib', en: 'the semester reported: 2026-1 (January–June) or 2026-2 (July–December); required' },
    format: { id: 'table (bawaan), csv (RFC 4180, UTF-8 dengan BOM, ke stdout) atau json', en: 'table (default), csv (RFC 4180, UTF-8 with a BOM, to stdout) or json' },
    region: { id: 'hanya wilayah ini', en: 'only this region' },
  }),
  readOnly: true,
  notes: [
    {
      en: 'Per region: agreements by the stage they stood at on the semester’s last day, new signings, actions completed with evidence, monev held and their mean score, agreements ended. CSV column names follow --lang (Bahasa Indonesia by default). --json is --format json.',
      id: 'Per wilayah: kerja sama menurut tahapnya pada hari terakhir semester, penandatanganan baru, kegiatan selesai berbukti, monev yang dilaksanakan dan rerata nilainya, kerja sama yang berakhir. Nama kolom CSV mengikuti --lang (bawaan bahasa Indonesia). --json sama dengan --format json.',
    },
    READ_ONLY_NOTE,
  ],
  async run(context) {
    const { values, io, json, wording, language } = context
    const semester = requiredValue(values, 'semester', 'report')
    if (!semesterSchema.safeParse(semester).success) {
      throw new UsageError({ id: `Semester ditulis TTTT-1 atau TTTT-2, mis. 2026-2: ${semester}`, en: `A semester is written YYYY-1 or YYYY-2, e.g. 2026-2: ${semester}` }, 'report')
    }
    const chosen = choiceValue(values, 'format', FORMATS, 'report')
    if (json && chosen !== undefined && chosen !== 'json') {
      throw new UsageError({ id: `--json tidak dapat digabung dengan --format ${chosen}`, en: `--json cannot be combined with --format ${chosen}` }, 'report')
    }
    const format = json ? 'json' : (chosen ?? 'table')
    const region = regionValue(values, 'report')
    const report = await withReadOnlyStore(context, ['semester-report'], (store) =>
      querySemesterReport(builtInReader(store.readModels), { semester, ...(region === undefined ? {} : { region }) }),
    )
    if (format === 'json') io.out(jsonText(report))
    // Every record ends in CRLF (RFC 4180), the last one too: out() adds an LF, so the last CR is kept before it.
    else if (format === 'csv') io.out(semesterReportCsv(report, { lang: language }).replace(/\n$/, ''))
    else for (const line of reportTable(report, wording, tableWidth(io.columns))) io.out(line)
    return EXIT.ok
  },
}

/** One column per region, one row per measure: a province has more regions than a report has measures, but a region's report is read down. */
function reportTable(report: SemesterReport, wording: Wording, width: number | undefined): string[] {
  const word = (id: string, en: string): string => wording.text({ id, en })
  const measures: Array<[string, (row: SemesterReport['rows'][number]) => number | null]> = [
    [word('tahap teridentifikasi', 'stage identified'), (row) => row.byStage.identified],
    [word('tahap terpetakan', 'stage mapped'), (row) => row.byStage.mapped],
    [word('tahap terkoordinasi', 'stage coordinated'), (row) => row.byStage.coordinated],
    [word('tahap ditandatangani', 'stage signed'), (row) => row.byStage.signed],
    [word('tahap dilaksanakan', 'stage implemented'), (row) => row.byStage.implemented],
    [word('tahap dievaluasi', 'stage evaluated'), (row) => row.byStage.evaluated],
    [word('tahap berakhir', 'stage ended'), (row) => row.byStage.ended],
    [word('penandatanganan baru', 'new signings'), (row) => row.newSignings],
    [word('kegiatan selesai berbukti', 'actions completed with evidence'), (row) => row.actionsCompletedWithEvidence],
    [word('monev dilaksanakan', 'monev held'), (row) => row.monevHeld],
    [word('rerata nilai monev', 'monev mean score'), (row) => row.monevMeanScore],
    [word('berakhir masa berlaku', 'expired'), (row) => row.ended.expired],
    [word('diakhiri', 'terminated'), (row) => row.ended.terminated],
    [word('digantikan', 'superseded'), (row) => row.ended.superseded],
  ]
  const heading = `${wording.heading({ id: `Laporan semester ${report.semester}`, en: `Semester report ${report.semester}` })} (${report.from} – ${report.to})`
  if (report.rows.length === 0) return [heading, wording.text({ id: '(tidak ada kerja sama)', en: '(no agreements)' })]
  const table = renderTable(
    [{ header: word('ukuran', 'measure') }, ...report.rows.map((row) => ({ header: row.region, fixed: true, align: 'right' as const }))],
    measures.map(([name, value]) => [name, ...report.rows.map((row) => String(value(row) ?? '—'))]),
    width,
  )
  return [heading, ...table]
}
