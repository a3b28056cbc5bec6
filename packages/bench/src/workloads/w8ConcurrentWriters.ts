import { percentile } from '../report/statistics'
import { runWriter } from './concurrentWriter'
import type { Workload, WriterOutcome } from './workload'
import { everySubject } from './workload'

/**
 * W8, concurrent writers on disjoint streams: on PostgreSQL eight writers
 * in this process, each with a connection of its own; on SQLite four
 * processes on the same file (one writer at a time is SQLite's design, so
 * this measures how the lock is shared). Appends per second over all
 * writers, from the release to the last append, and the p99 latency of an append.
 */
export const concurrentWriters: Workload = {
  id: 'W8',
  title: 'concurrent writers on disjoint streams (PostgreSQL 8 connections, SQLite 4 processes)',
  database: 'fresh',
  budgeted: true,
  notApplicable: everySubject,
  connections: (factory, sizes) => (factory.engine === 'postgres' ? sizes.concurrentWriters.postgresWriters : 1),
  async run({ subject, factory, sizes, deadline, spawnWriters }) {
    const { postgresWriters, sqliteProcesses, appendsPerWriter } = sizes.concurrentWriters
    let outcomes: WriterOutcome[]
    let wallMs: number
    if (factory.engine === 'postgres') {
      const started = performance.now()
      outcomes = await Promise.all(Array.from({ length: postgresWriters }, (_, writer) => runWriter(subject, writer, appendsPerWriter, deadline)))
      wallMs = performance.now() - started
    } else {
      // The parent's open made the schema; the writers find it there instead of racing to create it.
      await subject.close()
      ;({ outcomes, wallMs } = await spawnWriters(sqliteProcesses, appendsPerWriter))
    }
    const latencies = outcomes.flatMap((outcome) => outcome.latenciesMs)
    const retries = outcomes.reduce((sum, outcome) => sum + outcome.retries, 0)
    const failures = outcomes.reduce((sum, outcome) => sum + outcome.failures, 0)
    const notes = [
      ...(retries > 0 ? [`${retries} appends refused for the lock and tried again`] : []),
      ...(failures > 0 ? [`${failures} appends failed, the first with ${outcomes.find((outcome) => outcome.firstFailure !== undefined)?.firstFailure ?? 'no message'}`] : []),
    ]
    return { metrics: { appendsPerSecond: latencies.length / (wallMs / 1000), p99Ms: percentile(latencies, 99), appends: latencies.length, retries, failures }, notes }
  },
}
