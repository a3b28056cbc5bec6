import type { Workload, WorkloadId } from './workload'
import { commandPath } from './w1CommandPath'
import { batchAppend } from './w2BatchAppend'
import { rehydrate } from './w3Rehydrate'
import { catchUp } from './w4CatchUp'
import { projectionRebuild } from './w5ProjectionRebuild'
import { memory } from './w6Memory'
import { domainPath } from './w7DomainPath'
import { concurrentWriters } from './w8ConcurrentWriters'

export const WORKLOADS: Record<WorkloadId, Workload> = {
  W1: commandPath,
  W2: batchAppend,
  W3: rehydrate,
  W4: catchUp,
  W5: projectionRebuild,
  W6: memory,
  W7: domainPath,
  W8: concurrentWriters,
}
