import type { Workload } from './workload'
import { everySubject, oneConnection } from './workload'

/** W4, catch-up: read all 100,000 events of the catch-up data set in global order, 500 per round trip. */
export const catchUp: Workload = {
  id: 'W4',
  title: 'catch-up: read all events in global order',
  database: 'catch-up',
  budgeted: false,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes }) {
    const started = performance.now()
    const count = await subject.readAll(sizes.readBatch)
    const seconds = (performance.now() - started) / 1000
    if (count !== sizes.catchUp.events) throw new Error(`readAll delivered ${count} events, expected ${sizes.catchUp.events}`)
    return { metrics: { eventsPerSecond: count / seconds }, notes: [] }
  },
}
