import type { Engine, Family, SubjectName } from '../subjects/benchSubject'
import type { WorkloadId } from '../workloads/workload'

export type Outcome = { ok: true; metrics: Record<string, number>; notes: string[] } | { ok: false; error: string }

/** What one child process reported for one (round, subject, workload). */
export type RunResult = { round: number; subject: SubjectName; workload: WorkloadId; seconds: number; outcome: Outcome }

export type SubjectStatus = {
  name: SubjectName
  engine: Engine
  family: Family
  setup: string
  /** Undefined when the subject ran; otherwise the one line saying why it could not. */
  unavailable?: string
}

/**
 * One step of a run and its wall time: installing Emmett and checking
 * PostgreSQL ('peers'), building the child bundle, probing every subject,
 * seeding the data sets, and the measuring processes with the databases
 * made and dropped between them.
 */
export type RunPhase = { name: 'peers' | 'bundle' | 'probes' | 'seeding' | 'measuring'; seconds: number }
