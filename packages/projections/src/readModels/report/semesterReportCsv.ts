import { stringify } from 'csv-stringify/sync'
import { stages } from '../agreementFacts'
import type { Stage } from '../register/registerEntry'
import type { SemesterReport } from './semesterReport'

const stageNames: Record<Stage, { id: string; en: string }> = {
  identified: { id: 'teridentifikasi', en: 'identified' },
  mapped: { id: 'terpetakan', en: 'mapped' },
  coordinated: { id: 'terkoordinasi', en: 'coordinated' },
  signed: { id: 'ditandatangani', en: 'signed' },
  implemented: { id: 'dilaksanakan', en: 'implemented' },
  evaluated: { id: 'dievaluasi', en: 'evaluated' },
  ended: { id: 'berakhir', en: 'ended' },
}

const columns = {
  id: { semester: 'semester', region: 'kode_wilayah', stage: (stage: Stage) => `tahap_${stageNames[stage].id}`, newSignings: 'penandatanganan_baru', actions: 'kegiatan_selesai_berbukti', monev: 'monev_dilaksanakan', score: 'rerata_nilai_monev', expired: 'berakhir_masa_berlaku', terminated: 'diakhiri', superseded: 'digantikan' },
  en: { semester: 'semester', region: 'region_code', stage: (stage: Stage) => `stage_${stageNames[stage].en}`, newSignings: 'new_signings', actions: 'actions_completed_with_evidence', monev: 'monev_held', score: 'monev_mean_score', expired: 'expired', terminated: 'terminated', superseded: 'superseded' },
}

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * where they must be), UTF-8 with a byte-order mark so spreadsheet programs
 * officers use open Indonesian text correctly. Column names in Bahasa
 * Indonesia by default; `lang: 'en'` for English.
 */
export function semesterReportCsv(report: SemesterReport, options: { lang?: 'id' | 'en' } = {}): string {
  const names = columns[options.lang ?? 'id']
  const header = [names.semester, names.region, ...stages.map(names.stage), names.newSignings, names.actions, names.monev, names.score, names.expired, names.terminated, names.superseded]
  const rows = report.rows.map((row) => [
    report.semester,
    row.region,
    ...stages.map((stage) => row.byStage[stage]),
    row.newSignings,
    row.actionsCompletedWithEvidence,
    row.monevHeld,
    row.monevMeanScore ?? '',
    row.ended.expired,
    row.ended.terminated,
    row.ended.superseded,
  ])
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: 'windows' })}`
}
