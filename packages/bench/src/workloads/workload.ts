import type { BenchSubject, SubjectDatabase, SubjectFactory } from '../subjects/benchSubject'
import type { DatasetName } from '../runner/childTask'
import type { WorkloadSizes } from './workloadSizes'

export const WORKLOAD_IDS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'] as const
export type WorkloadId = (typeof WORKLOAD_IDS)[number]

/**
 * What a workload runs on: a database of its own made for this process
 * ('fresh'), one of the subject's seeded data sets read as it is, or a copy
 * of one to change ('catch-up-copy': the projection rebuild writes read models).
 */
export type DatabaseNeed = 'fresh' | 'catch-up' | 'catch-up-copy' | 'large'

/** Figures a process reports, by metric name; the report picks the ones it shows. */
export type Measurement = { metrics: Record<string, number>; notes: string[] }

/** What one writer did; `finishedAtMs` is on the epoch clock (performance.timeOrigin + now), comparable across processes. */
export type WriterOutcome = { latenciesMs: number[]; retries: number; failures: number; finishedAtMs: number; firstFailure?: string }

export type WorkloadContext = {
  subject: BenchSubject
  factory: SubjectFactory
  database: SubjectDatabase
  sizes: WorkloadSizes
  /** performance.now() after which a budgeted workload stops; Infinity without a budget. */
  deadline: number
  /** The subject opened on the workload's second data set, where it has one (see Workload.extraDataset). */
  extra?: BenchSubject
  /** Starts `count` writer processes on the database, releases them together and collects what each did (SQLite's concurrent writers). */
  spawnWriters(count: number, appendsPerWriter: number): Promise<{ outcomes: WriterOutcome[]; wallMs: number }>
}

export type Workload = {
  id: WorkloadId
  title: string
  database: DatabaseNeed
  /** A second data set, seeded only for the subjects `applies` to and opened beside the first (W3's snapshot agreements for Kerjasama). */
  extraDataset?: { dataset: DatasetName; applies(factory: SubjectFactory): boolean }
  /** Whether the time budget applies (every append waits for the disk). */
  budgeted: boolean
  /** Undefined when the subject runs it; otherwise why not, for the table. */
  notApplicable(factory: SubjectFactory): string | undefined
  /** Connections the subject is opened with. */
  connections(factory: SubjectFactory, sizes: WorkloadSizes): number
  run(context: WorkloadContext): Promise<Measurement>
}

export const onlyKerjasama = (factory: SubjectFactory): string | undefined => (factory.family === 'kerjasama' ? undefined : 'Kerjasama only')
export const everySubject = (): string | undefined => undefined
export const oneConnection = (): number => 1
