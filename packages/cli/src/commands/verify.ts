import type { VerifyReport } from '@kerjasama/core'
import type { CliArgs } from '../args'
import { openStore } from '../openStore'

export function printVerifyReport(report: VerifyReport, log: (line: string) => void): void {
  log(`Verifikasi rantai hash / Hash-chain verification: ${report.streamsChecked} aliran/streams, ${report.eventsChecked} peristiwa/events`)
  if (report.ok) {
    log('  utuh / intact')
    return
  }
  for (const problem of report.problems) {
    log(`  MASALAH / PROBLEM ${problem.problem}: tenant ${problem.tenant}, ${problem.streamId} v${problem.version}`)
  }
}

export async function verify(args: CliArgs, log: (line: string) => void, env?: NodeJS.ProcessEnv): Promise<number> {
  const store = await openStore(args, 'verify', env)
  try {
    const report = await store.verify()
    printVerifyReport(report, log)
    return report.ok ? 0 : 1
  } finally {
    await store.close()
  }
}
