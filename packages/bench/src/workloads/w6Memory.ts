import { currentRssMb, peakRssMb } from './peakRss'
import type { Workload } from './workload'
import { everySubject, oneConnection } from './workload'

/**
 * W6, memory: the process's peak RSS while it reads the 1,000,000 events of
 * the large data set through readAll (500 per round trip), in a process that
 * does nothing else; the RSS before reading is reported beside it. A subject
 * too slow for the time budget is stopped there, with the count it read.
 */
export const memory: Workload = {
  id: 'W6',
  title: 'memory: peak RSS reading 1,000,000 events through readAll',
  database: 'large',
  budgeted: true,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const before = currentRssMb()
    const started = performance.now()
    const events = await subject.readAll(sizes.readBatch, deadline)
    const seconds = (performance.now() - started) / 1000
    if (events !== sizes.memory.events && performance.now() <= deadline) throw new Error(`readAll delivered ${events} events, expected ${sizes.memory.events}`)
    return { metrics: { peakRssMb: peakRssMb(), rssBeforeMb: before, eventsPerSecond: events / seconds, events }, notes: [] }
  },
}
