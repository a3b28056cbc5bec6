import type { RunResult } from '../runner/runResult'
import type { Engine } from '../subjects/benchSubject'
import type { WorkloadId } from '../workloads/workload'
import type { WorkloadSizes } from '../workloads/workloadSizes'

/** For each budgeted workload, the count a process reports and the full size it would reach without a budget. */
/**
 * `finishes`: the budget is a safety net there (the reads, the rebuild), so a
 * process it stopped is one to look at, and its figure is starred.
 */
export type BudgetCount = { metric: string; unit: string; finishes?: true; full(sizes: WorkloadSizes, engine: Engine): number }

export const BUDGET_COUNTS: Partial<Record<WorkloadId, BudgetCount>> = {
  W1: { metric: 'appends', unit: 'appends', full: (sizes) => sizes.commandPath.streams * sizes.commandPath.appendsPerStream },
  W2: { metric: 'events', unit: 'events', full: (sizes) => sizes.batchAppend.streams * sizes.batchAppend.eventsPerAppend },
  W3: { metric: 'reads', unit: 'reads', full: (sizes) => sizes.rehydrate.reads },
  W4: { metric: 'events', unit: 'events', finishes: true, full: (sizes) => sizes.catchUp.events },
  W5: { metric: 'events', unit: 'events applied', finishes: true, full: (sizes) => sizes.catchUp.events },
  W6: { metric: 'events', unit: 'events', finishes: true, full: (sizes) => sizes.memory.events },
  W7: { metric: 'agreements', unit: 'agreements', full: (sizes) => sizes.domainPath.agreements },
  W8: {
    metric: 'appends',
    unit: 'appends',
    full: (sizes, engine) => sizes.concurrentWriters.appendsPerWriter * (engine === 'postgres' ? sizes.concurrentWriters.postgresWriters : sizes.concurrentWriters.sqliteProcesses),
  },
}

/** Whether a run of a workload that should finish was stopped by its budget before it did. */
export function cutShort(result: RunResult, sizes: WorkloadSizes, engine: Engine): boolean {
  const budget = BUDGET_COUNTS[result.workload]
  if (budget?.finishes !== true || !result.outcome.ok) return false
  const done = result.outcome.metrics[budget.metric]
  return done !== undefined && done < budget.full(sizes, engine)
}
