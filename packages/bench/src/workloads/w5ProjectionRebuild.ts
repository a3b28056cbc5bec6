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
 * createProjectionRunner) built from nothing over the catch-up data set, on
 * a copy of it, by a live runner until it has caught up with the last event,
 * or the time budget ends (then the rate is over the events it applied).
 * The figures the read-side bench gave: the rebuild's rate, its share of this
 * adapter's own readAll rate (measured just before; the runner's design
 * target is at least half), the process's peak RSS, and the median time of a
 * filtered register page (region and stage, 50 rows) asked right after the
 * rebuild, as an officer would.
 */
export const projectionRebuild: Workload = {
  id: 'W5',
  title: 'projection rebuild: the register over the catch-up data',
  database: 'catch-up-copy',
  budgeted: true,
  notApplicable: onlyKerjasama,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const kerjasama = subject.kerjasama
    if (kerjasama === undefined) throw new Error('W5 needs a Kerjasama store')
    const readStarted = performance.now()
    let head = 0n
    let read = 0
    for await (const event of kerjasama.events.readAll({ batchSize: sizes.readBatch })) {
      head = event.position
      read += 1
    }
    const readAllPerSecond = read / ((performance.now() - readStarted) / 1000)
    let applied = 0
    const runner = createProjectionRunner({
      eventStore: kerjasama.events,
      readModels: kerjasama.readModels,
      projections: [registerProjection],
      batchSize: sizes.readBatch,
      onProgress: (progress) => {
        applied = progress.done
      },
    })
    const started = performance.now()
    await runner.start()
    let caughtUp = true
    try {
      await runner.waitUntilCaughtUp(head, { timeoutMs: Math.max(0, Math.round(Math.min(deadline, started + 24 * 3_600_000) - performance.now())) })
    } catch (error) {
      if ((error as { code?: string }).code !== 'PROJECTION_CATCH_UP_TIMEOUT') throw error
      caughtUp = false
    }
    const rebuildPerSecond = applied / ((performance.now() - started) / 1000)
    await runner.stop()
    const reader = builtInReader(kerjasama.readModels, [registerProjection])
    const timings: number[] = []
    const pagesStarted = performance.now()
    for (let query = 0; query < PAGE_QUERIES && (query === 0 || performance.now() - pagesStarted < PAGES_BUDGET_MS); query += 1) {
      const pageStarted = performance.now()
      await queryRegister(reader, { region: '33.05', stage: 'evaluated', limit: 50 })
      timings.push(performance.now() - pageStarted)
    }
    return {
      metrics: { eventsPerSecond: rebuildPerSecond, shareOfReadAll: rebuildPerSecond / readAllPerSecond, peakRssMb: peakRssMb(), pageMs: median(timings), pageQueries: timings.length, events: applied },
      notes: caughtUp ? [] : [`the rebuild had applied ${applied.toLocaleString('en-US')} of ${read.toLocaleString('en-US')} events when its budget ended`],
    }
  },
}
