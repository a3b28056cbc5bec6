import type { Engine } from '../subjects/benchSubject'
import type { WorkloadId } from '../workloads/workload'
import type { WorkloadSizes } from '../workloads/workloadSizes'

/** For each budgeted workload, the count a process reports and the full size it would reach without a budget. */
export const BUDGET_COUNTS: Partial<Record<WorkloadId, { metric: string; unit: string; full(sizes: WorkloadSizes, engine: Engine): number }>> = {
  W1: { metric: 'appends', unit: 'appends', full: (sizes) => sizes.commandPath.streams * sizes.commandPath.appendsPerStream },
  W2: { metric: 'events', unit: 'events', full: (sizes) => sizes.batchAppend.streams * sizes.batchAppend.eventsPerAppend },
  W3: { metric: 'reads', unit: 'reads', full: (sizes) => sizes.rehydrate.reads },
  W4: { metric: 'events', unit: 'events', full: (sizes) => sizes.catchUp.events },
  W5: { metric: 'events', unit: 'events applied', full: (sizes) => sizes.catchUp.events },
  W6: { metric: 'events', unit: 'events', full: (sizes) => sizes.memory.events },
  W7: { metric: 'agreements', unit: 'agreements', full: (sizes) => sizes.domainPath.agreements },
  W8: {
    metric: 'appends',
    unit: 'appends',
    full: (sizes, engine) => sizes.concurrentWriters.appendsPerWriter * (engine === 'postgres' ? sizes.concurrentWriters.postgresWriters : sizes.concurrentWriters.sqliteProcesses),
  },
}
