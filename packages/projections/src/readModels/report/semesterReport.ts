import { z } from 'zod'
import { parseOrThrow } from '@kerjasama/core'
import type { ReadModelReader } from '@kerjasama/core'
import { stages } from '../agreementFacts'
import type { Stage } from '../register/registerEntry'
import { semesterBounds, semesterSchema } from './semester'
import { REPORT_COLLECTION } from './semesterReportProjection'
import type { ReportFacts } from './semesterReportProjection'

export const semesterReportQuerySchema = z.strictObject({
  semester: semesterSchema,
  region: z.string().trim().min(1).max(10).optional(),
})
export type SemesterReportQuery = z.input<typeof semesterReportQuerySchema>

export type SemesterReportRow = {
  region: string
  /** Agreements by the stage they stood at on the semester's last day (those identified by then). */
  byStage: Record<Stage, number>
  newSignings: number
  actionsCompletedWithEvidence: number
  monevHeld: number
  /** Mean monev score in the semester, rounded to one decimal; null when none was held. */
  monevMeanScore: number | null
  ended: Record<'expired' | 'terminated' | 'superseded', number>
  endings: Array<{ agreementId: string; on: string; reason: string; note?: string }>
}

export type SemesterReport = { semester: string; from: string; to: string; rows: SemesterReportRow[] }

const within = (on: string, from: string, to: string): boolean => on >= from && on <= to

function emptyRow(region: string): SemesterReportRow {
  return {
    region,
    byStage: Object.fromEntries(stages.map((stage) => [stage, 0])) as Record<Stage, number>,
    newSignings: 0,
    actionsCompletedWithEvidence: 0,
    monevHeld: 0,
    monevMeanScore: null,
    ended: { expired: 0, terminated: 0, superseded: 0 },
    endings: [],
  }
}

/** The semester report per region: what stood where at the end, and what happened in the six months. */
export async function querySemesterReport(reader: ReadModelReader, query: SemesterReportQuery): Promise<SemesterReport> {
  const valid = parseOrThrow(semesterReportQuerySchema, query, { id: 'permintaan laporan semester', en: 'semester report request' })
  const { semester, from, to } = semesterBounds(valid.semester)
  const rows = new Map<string, SemesterReportRow>()
  const scores = new Map<string, number[]>()
  let after: string | undefined
  do {
    const page = await reader.query(REPORT_COLLECTION, { ...(valid.region === undefined ? {} : { where: { regions: valid.region } }), limit: 500, ...(after === undefined ? {} : { after }) })
    for (const { document } of page.items) {
      const facts = document as unknown as ReportFacts
      const stageAtEnd = facts.stageHistory.filter((entry) => entry.on <= to).at(-1)?.stage
      if (stageAtEnd === undefined) continue
      for (const region of valid.region === undefined ? facts.regions : [valid.region]) {
        const row = rows.get(region) ?? emptyRow(region)
        row.byStage[stageAtEnd] += 1
        row.newSignings += facts.signedOn.filter((on) => within(on, from, to)).length
        row.actionsCompletedWithEvidence += facts.actionsCompletedWithEvidenceOn.filter((on) => within(on, from, to)).length
        const held = facts.monev.filter((monev) => within(monev.on, from, to))
        row.monevHeld += held.length
        scores.set(region, [...(scores.get(region) ?? []), ...held.map((monev) => monev.score)])
        if (facts.ended !== undefined && within(facts.ended.on, from, to)) {
          row.ended[facts.ended.reason as 'expired' | 'terminated' | 'superseded'] += 1
          row.endings.push({ agreementId: facts.agreementId, on: facts.ended.on, reason: facts.ended.reason, ...(facts.ended.note === undefined ? {} : { note: facts.ended.note }) })
        }
        rows.set(region, row)
      }
    }
    after = page.next
  } while (after !== undefined)
  for (const [region, row] of rows) {
    const held = scores.get(region) ?? []
    row.monevMeanScore = held.length === 0 ? null : Math.round((held.reduce((a, b) => a + b, 0) / held.length) * 10) / 10
  }
  return { semester, from, to, rows: [...rows.values()].sort((a, b) => a.region.localeCompare(b.region)) }
}
