import { resolve } from 'node:path'
import { createSeedService, runSeedScenario } from '@kerjasama/example-jateng'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import type { CliArgs } from '../args'
import { sealDemoFile } from '../demoFile'
import { openStore } from '../openStore'
import { printVerifyReport } from './verify'

export async function demo(args: CliArgs, log: (line: string) => void, env?: NodeJS.ProcessEnv): Promise<number> {
  // Loaded before the store is opened: a broken dataset install stops the demo before it touches a database.
  const regions = await loadIndonesianRegions()
  const store = await openStore(args, 'demo', env)
  try {
    // Absolute, because `pnpm demo` runs in packages/cli and a relative path would send the user looking in the wrong place.
    const where = args.store !== 'sqlite' ? '' : args.file === ':memory:' ? ' (:memory:)' : ` (${resolve(args.file)})`
    log(`Kerjasama demo — penyimpanan/store: ${args.store}${where}`)
    log(`Daftar wilayah / regions: ${regions.source}`)
    const { service, clock } = createSeedService(store, { regions })
    const report = await runSeedScenario(service, log, clock)
    log('')
    log(`Ringkasan / Summary: ${report.agreements.length} kerja sama, ${report.refusals.length} langkah ditolak / steps refused`)
    const verification = await store.verify()
    printVerifyReport(verification, log)
    return verification.ok ? 0 : 1
  } finally {
    await store.close()
    if (args.store === 'sqlite' && args.file !== ':memory:') sealDemoFile(args.file)
  }
}
