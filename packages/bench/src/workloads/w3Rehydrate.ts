import { LONG_STREAM } from '../datasets/largeLog'
import type { Workload } from './workload'
import { everySubject, oneConnection } from './workload'

/**
 * W3, rehydrate: read a 10,000-event stream whole, 50 times, from the large
 * data set, where its events lie among a million others. Without snapshots:
 * Kerjasama has no SnapshotStore yet, so the "with snapshots" figure is not measured.
 */
export const rehydrate: Workload = {
  id: 'W3',
  title: 'rehydrate a 10,000-event stream (no snapshots)',
  database: 'large',
  budgeted: true,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const { streamLength, reads } = sizes.rehydrate
    let done = 0
    const started = performance.now()
    for (; done < reads && performance.now() <= deadline; done += 1) {
      const count = await subject.readStream(LONG_STREAM)
      if (count !== streamLength) throw new Error(`${LONG_STREAM} read ${count} events, expected ${streamLength}`)
    }
    const milliseconds = performance.now() - started
    return { metrics: { msPerRead: milliseconds / done, eventsPerSecond: (done * streamLength) / (milliseconds / 1000), reads: done }, notes: [] }
  },
}
