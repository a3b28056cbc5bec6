import type { VerifyProblem, VerifyReport } from '@kerjasama/core'

export function countsText(report: Pick<VerifyReport, 'streamsChecked' | 'eventsChecked'>): string {
  return `${report.streamsChecked} aliran/streams, ${report.eventsChecked} peristiwa/events`
}

export function outcomeText(problems: number): string {
  return problems === 0 ? 'utuh / intact' : `${problems} masalah/problems`
}

export function problemLine(problem: VerifyProblem): string {
  return `MASALAH / PROBLEM ${problem.problem}: daerah/tenant ${problem.tenant}, ${problem.streamId} v${problem.version}`
}

/** The demo's check of the one tenant it wrote. */
export function printVerifyReport(report: VerifyReport, log: (line: string) => void): void {
  log(`Verifikasi rantai hash / Hash-chain verification: ${countsText(report)}`)
  log(`  ${outcomeText(report.problems.length)}`)
  for (const problem of report.problems) log(`  ${problemLine(problem)}`)
}
