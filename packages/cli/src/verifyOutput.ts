import type { VerifyProblem, VerifyReport } from '@kerjasama/core'
import type { Language } from './language'

/** The English noun for a count: "1 stream", "2 streams" (Indonesian nouns do not change). */
export function englishNoun(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural
}

export function countsText(report: Pick<VerifyReport, 'streamsChecked' | 'eventsChecked'>, language: Language = 'id'): string {
  const streams = englishNoun(report.streamsChecked, 'stream')
  const events = englishNoun(report.eventsChecked, 'event')
  return language === 'en'
    ? `${report.streamsChecked} ${streams}, ${report.eventsChecked} ${events}`
    : `${report.streamsChecked} aliran/${streams}, ${report.eventsChecked} peristiwa/${events}`
}

export function outcomeText(problems: number, language: Language = 'id'): string {
  if (language === 'en') return problems === 0 ? 'intact' : `${problems} ${englishNoun(problems, 'problem')}`
  return problems === 0 ? 'utuh / intact' : `${problems} masalah/${englishNoun(problems, 'problem')}`
}

export function problemLine(problem: VerifyProblem, language: Language = 'id'): string {
  return language === 'en'
    ? `PROBLEM ${problem.problem}: tenant ${problem.tenant}, ${problem.streamId} v${problem.version}`
    : `MASALAH / PROBLEM ${problem.problem}: daerah/tenant ${problem.tenant}, ${problem.streamId} v${problem.version}`
}

/** The demo's check of the one tenant it wrote. */
export function printVerifyReport(report: VerifyReport, log: (line: string) => void, language: Language = 'id'): void {
  log(`${language === 'en' ? 'Hash-chain verification' : 'Verifikasi rantai hash / Hash-chain verification'}: ${countsText(report, language)}`)
  log(`  ${outcomeText(report.problems.length, language)}`)
  for (const problem of report.problems) log(`  ${problemLine(problem, language)}`)
}
