import type { SubjectName } from '../subjects/benchSubject'
import type { WorkloadId } from '../workloads/workload'

export type PlannedRun = { round: number; workload: WorkloadId; subject: SubjectName }

/**
 * The order the child processes run in: rounds one after another, and in
 * each round every workload once for every subject it applies to, subjects
 * side by side, so a noisy minute falls on all of them alike. The subjects'
 * order turns by one each round, so none is always measured first (on a
 * cold cache) or last (after the others warmed the machine).
 */
export function interleavedPlan(
  subjects: readonly SubjectName[],
  workloads: readonly WorkloadId[],
  rounds: number,
  applies: (subject: SubjectName, workload: WorkloadId) => boolean = () => true,
): PlannedRun[] {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a whole number from 1, not ${rounds}`)
  const plan: PlannedRun[] = []
  for (let round = 1; round <= rounds; round += 1) {
    const turned = subjects.map((_, index) => subjects[(index + round - 1) % subjects.length] as SubjectName)
    for (const workload of workloads) {
      for (const subject of turned) if (applies(subject, workload)) plan.push({ round, workload, subject })
    }
  }
  return plan
}
