import { builtInReader, createProjectionRunner, queryRegister, registerProjection } from '@kerjasama/projections'
import { median } from '../report/statistics'
import { peakRssMb } from './peakRss'
import type { Workload } from './workload'
import { oneConnection, onlyKerjasama } from './workload'

const PAGE_QUERIES = 30
// A page that takes seconds (statistics not yet gathered on the fresh read models) must not hold the run up: at most this long on pages.
const PAGES_BUDGET_MS = 10_000

/**
 * W5, projection rebuild: the register (registerProjection through
 * createProjectionRunner) built from nothing over the catch-up data set,
 * on a copy of it. The figures the read-side bench gave: the rebuild's rate,
 * its share of this adapter's own readAll rate (measured just before, the
 * runner's target is at least half), the process's peak RSS, and the median
 * time of a filtered register page (region and stage, 50 rows) asked right
 * after the rebuild, as an officer would.
 */
export const projectionRebuild: Workload = {
  id: 'W5',
  title: 'projection rebuild: the register over the catch-up data',
  database: 'catch-up-copy',
  budgeted: false,
  notApplicable: onlyKerjasama,
  connections: oneConnection,
  async run({ subject, sizes }) {
    const kerjasama = subject.kerjasama
    if (kerjasama === undefined) throw new Error('W5 needs a Kerjasama store')
    const readStarted = performance.now()
    const read = await subject.readAll(sizes.readBatch)
    const readAllPerSecond = read / ((performance.now() - readStarted) / 1000)
    const runner = createProjectionRunner({ eventStore: kerjasama.events, readModels: kerjasama.readModels, projections: [registerProjection], batchSize: sizes.readBatch })
    const started = performance.now()
    await runner.catchUp()
    const rebuildPerSecond = sizes.catchUp.events / ((performance.now() - started) / 1000)
    const reader = builtInReader(kerjasama.readModels, [registerProjection])
    const timings: number[] = []
    let rows = 0
    const pagesStarted = performance.now()
    for (let query = 0; query < PAGE_QUERIES && (query === 0 || performance.now() - pagesStarted < PAGES_BUDGET_MS); query += 1) {
      const pageStarted = performance.now()
      rows = (await queryRegister(reader, { region: '33.05', stage: 'evaluated', limit: 50 })).items.length
      timings.push(performance.now() - pageStarted)
    }
    if (rows === 0) throw new Error('the rebuilt register has no evaluated agreement of 33.05')
    return {
      metrics: { eventsPerSecond: rebuildPerSecond, shareOfReadAll: rebuildPerSecond / readAllPerSecond, peakRssMb: peakRssMb(), pageMs: median(timings), pageQueries: timings.length },
      notes: [],
    }
  },
}
