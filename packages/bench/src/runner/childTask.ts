import type { SubjectDatabase, SubjectName } from '../subjects/benchSubject'
import type { WorkloadId } from '../workloads/workload'
import type { WorkloadSizes } from '../workloads/workloadSizes'

/** 'snapshots': W3's agreements loaded with snapshots, Kerjasama's alone. */
export type DatasetName = 'catch-up' | 'large' | 'snapshots'
export type PeerFolders = { sqlite: string; postgresql: string }

/** What the runner asks of one child process, passed as JSON in its first argument. */
export type ChildTask =
  /** Can the subject open, append and read back at all (Emmett's packages load, node-sqlite3's binding works)? */
  | { kind: 'probe'; subject: SubjectName; database: SubjectDatabase; peerFolders: PeerFolders }
  | { kind: 'seed'; subject: SubjectName; dataset: DatasetName; database: SubjectDatabase; sizes: WorkloadSizes; peerFolders: PeerFolders }
  | {
      kind: 'workload'
      subject: SubjectName
      workload: WorkloadId
      database: SubjectDatabase
      /** The workload's second data set, for the subjects it applies to (W3's snapshot agreements). */
      extraDatabase?: SubjectDatabase
      sizes: WorkloadSizes
      budgetMs: number | null
      peerFolders: PeerFolders
      bundle: string
    }
  /** One of W8's SQLite writer processes: says READY, waits for GO on stdin, appends, reports. */
  | { kind: 'writer'; subject: SubjectName; database: SubjectDatabase; writer: number; appends: number; budgetMs: number | null; peerFolders: PeerFolders }

/** The line a child ends its output with; everything before it is the child's log. */
export const RESULT_PREFIX = 'RESULT '
export const READY_LINE = 'READY'
export const GO_LINE = 'GO'
