import { actionCompleted } from '../datasets/actionCompleted'
import type { Workload } from './workload'
import { everySubject, oneConnection } from './workload'

/**
 * W1, the command path: for each of 2,000 streams, ten times, read the
 * stream's version and append one event at it. Streams one after another,
 * so each read finds the few events an agreement has.
 */
export const commandPath: Workload = {
  id: 'W1',
  title: 'command path: read the version, append 1 event at it',
  database: 'fresh',
  budgeted: true,
  notApplicable: everySubject,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const { streams, appendsPerStream } = sizes.commandPath
    let appends = 0
    const started = performance.now()
    outer: for (let stream = 1; stream <= streams; stream += 1) {
      const streamId = `agreement-cmd-${stream}`
      for (let sequence = 1; sequence <= appendsPerStream; sequence += 1) {
        if (performance.now() > deadline) break outer
        const version = await subject.readStreamVersion(streamId)
        if (version !== sequence - 1) throw new Error(`${streamId} is at version ${version}, expected ${sequence - 1}`)
        await subject.append(streamId, [actionCompleted(stream, sequence)], version)
        appends += 1
      }
    }
    const seconds = (performance.now() - started) / 1000
    return { metrics: { appendsPerSecond: appends / seconds, appends }, notes: [] }
  },
}
