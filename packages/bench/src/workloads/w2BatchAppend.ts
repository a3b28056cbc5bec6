import { actionCompletedBatch } from '../datasets/actionCompleted'
import type { Workload } from './workload'
import { everySubject, oneConnection } from './workload'

/** W2, batch append: 100,000 events into 1,000 new streams, 100 events per append. */
export const batchAppend: Workload = {
  id: 'W2',
  title: 'batch append: 100 events per append into new streams',
  database: 'fresh',
  budgeted: true,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const { streams, eventsPerAppend } = sizes.batchAppend
    let events = 0
    const started = performance.now()
    for (let stream = 1; stream <= streams && performance.now() <= deadline; stream += 1) {
      await subject.append(`agreement-batch-${stream}`, actionCompletedBatch(stream, 1, eventsPerAppend), 0)
      events += eventsPerAppend
    }
    const seconds = (performance.now() - started) / 1000
    return { metrics: { eventsPerSecond: events / seconds, events }, notes: [] }
  },
}
