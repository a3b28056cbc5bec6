import type { Workload } from './workload'
import { everySubject, oneConnection } from './workload'

/**
 * W4, catch-up: read all 100,000 events of the catch-up data set in global
 * order, 500 per round trip. A subject that reads too slowly for the time
 * budget is stopped there; the rate is over what it read, with the count.
 */
export const catchUp: Workload = {
  id: 'W4',
  title: 'catch-up: read all events in global order',
  database: 'catch-up',
  budgeted: true,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const started = performance.now()
    const events = await subject.readAll(sizes.readBatch, deadline)
    const seconds = (performance.now() - started) / 1000
    if (events !== sizes.catchUp.events && performance.now() <= deadline) throw new Error(`readAll delivered ${events} events, expected ${sizes.catchUp.events}`)
    return { metrics: { eventsPerSecond: events / seconds, events }, notes: [] }
  },
}
