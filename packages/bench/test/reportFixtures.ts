import type { MachineInfo } from '../src/report/machineInfo'
import type { RunResult, SubjectStatus } from '../src/runner/runResult'
import type { SubjectName } from '../src/subjects/benchSubject'
import type { WorkloadId } from '../src/workloads/workload'

export const sqliteSubjects: SubjectStatus[] = [
  { name: 'kerjasama-sqlite', engine: 'sqlite', family: 'kerjasama', setup: 'openSqliteStore' },
  { name: 'emmett-sqlite-shared', engine: 'sqlite', family: 'emmett', setup: 'shared' },
  { name: 'emmett-sqlite', engine: 'sqlite', family: 'emmett', setup: 'as it comes', unavailable: 'npm install did not finish within 90 s' },
  { name: 'raw-sqlite', engine: 'sqlite', family: 'raw', setup: 'better-sqlite3' },
]

/** One successful process per value, rounds numbered from 1. */
export function runs(subject: SubjectName, workload: WorkloadId, metric: string, values: number[], extra: Record<string, number> = {}): RunResult[] {
  return values.map((value, index) => ({ round: index + 1, subject, workload, seconds: 1, outcome: { ok: true, metrics: { [metric]: value, ...extra }, notes: [] } }))
}

export const onlyKerjasamaRuns = (subject: SubjectStatus, workload: WorkloadId): string | undefined =>
  (workload === 'W5' || workload === 'W7') && subject.family !== 'kerjasama' ? 'Kerjasama only' : undefined

export const machine: MachineInfo = {
  cpus: 2,
  cpuModel: 'Test CPU',
  memoryGb: 24,
  os: 'Linux 6.1',
  node: 'v20.20.2',
  loadBefore: [1.5, 1.2, 1],
  loadAfter: [2, 1.5, 1.1],
  postgres: { server: 'PostgreSQL 15.20', settings: { fsync: 'on', synchronous_commit: 'on' } },
  drivers: ['better-sqlite3 12.11.1 (SQLite 3.50.4)', 'pg 8.23.1'],
  kerjasamaCommit: 'abc1234',
  emmett: ['@event-driven-io/emmett-sqlite 0.42.4'],
}
