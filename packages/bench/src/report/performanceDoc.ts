import type { RunPhase, RunResult, SubjectStatus } from '../runner/runResult'
import type { WorkloadId } from '../workloads/workload'
import type { WorkloadSizes } from '../workloads/workloadSizes'
import { BUDGET_COUNTS, cutShort } from './budgetCounts'
import type { NotApplicable } from './engineTable'
import { engineTable, markdownTable } from './engineTable'
import { figures } from './figures'
import type { MachineInfo } from './machineInfo'
import { formatFigure } from './numberFormat'
import { median } from './statistics'
import { SUBJECT_LABELS } from './subjectLabels'
import { targetsSection } from './targets'

export type BenchReport = {
  startedAt: string
  durationSeconds: number
  mode: 'full' | 'quick'
  rounds: number
  /** Each budgeted workload's time budget per process, or undefined when run with --no-budget. */
  budgetsMs: Partial<Record<WorkloadId, number>> | undefined
  sizes: WorkloadSizes
  machine: MachineInfo
  subjects: SubjectStatus[]
  results: RunResult[]
  snapshotsMeasured: boolean
  /** Where the run's time went, in order; absent in reports written before it was recorded. */
  phases?: RunPhase[]
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US')

/** docs/performance.md: the tables, then what they were measured on and how, then every caveat of the run. */
export function renderPerformanceDoc(report: BenchReport, notApplicable: NotApplicable): string {
  const figureList = figures(report.sizes, report.snapshotsMeasured)
  const section = (title: string, engine: 'sqlite' | 'postgres'): string[] => {
    if (!report.subjects.some((subject) => subject.engine === engine)) return []
    const stopped = (result: RunResult) => cutShort(result, report.sizes, engine)
    return [`### ${title}`, '', markdownTable(engineTable(engine, report.subjects, report.results, figureList, notApplicable, stopped)), '']
  }
  return [
    '# Performance',
    '',
    '<!-- Written by `pnpm bench` (packages/bench); edit the harness, not this file. -->',
    '',
    `Kerjasama next to Emmett 0.42 and the raw drivers, each subject on a fresh database of its own, ${report.rounds === 1 ? 'every figure from one process (one round)' : `every figure the median of ${report.rounds} separate processes, the rounds interleaved (every subject once, then again) so a noisy minute falls on all of them alike; ±n% is how far the rounds spread around the median ((max − min) ÷ median)`}. ↑ higher is better, ↓ lower is better; a ratio is Kerjasama's figure divided by the other subject's, so for ↑ figures above 1 means Kerjasama is faster, for ↓ figures above 1 means it is slower or larger. * marks a figure with a note under [Notes on this run](#notes-on-this-run), or one over part of its work because its budget stopped it (see [Time budgets](#time-budgets)).`,
    '',
    `Run: ${report.startedAt}, ${report.mode === 'quick' ? '`pnpm bench --quick` (a tenth of the sizes, 1 round)' : '`pnpm bench`'}, ${count(report.durationSeconds)} s in all${phaseText(report)}.`,
    '',
    ...section('SQLite', 'sqlite'),
    ...section('PostgreSQL', 'postgres'),
    ...(report.mode === 'full' ? targetsSection(report.subjects, report.results) : []),
    '## Machine and versions',
    '',
    ...machineLines(report.machine),
    '',
    '## Durability: the same for every subject',
    '',
    '- SQLite: every file in WAL mode with `synchronous=FULL`, each commit synced before the append resolves: Kerjasama\'s default `durability: \'full\'`, set by the bench on better-sqlite3 and on the shared Emmett connection, and node-sqlite3\'s own default for Emmett as it comes (checked: `PRAGMA synchronous` reads 2 on its connections).',
    `- PostgreSQL: one server for all, its settings as above (${postgresDurability(report.machine)}); every append is a committed transaction.`,
    '- No relaxed-durability table in this run.',
    '',
    '## How the databases are made',
    '',
    '- Every write workload (W1, W2, W7, W8) runs on a database made for that one process: a new SQLite file, or a new PostgreSQL database (`kjbench_<random>`), dropped afterwards.',
    '- The read workloads read data sets seeded once per subject before the first round, through the subject itself (its own library writes its own format): W3 and W6 the large one, W4 the catch-up one, W5 a copy of the catch-up one (it writes read models), and Kerjasama\'s W3 with snapshots a small one of its own (below). Two data sets are seeded at a time, the longest first (the large one, PostgreSQL first), so the seeding processes and the PostgreSQL server share the two cores; a SQLite file is seeded in memory (`/dev/shm`, where there is room) and then copied to the run\'s folder on disk, where every workload reads it. Seeding is not measured and runs with relaxed durability (`synchronous=NORMAL`; `synchronous_commit=off` on the database while it lasts), which changes nothing that is read back; then each seeded database is analysed (`ANALYZE`, `VACUUM ANALYZE`), as one that had been running a while would be. W5\'s fresh read models are not: its filtered page is asked right after the rebuild, as an officer would.',
    `- W3 with snapshots (Kerjasama): a data set of three agreements, two of ${count(report.sizes.rehydrate.streamLength)} events (a full KSDPK lifecycle decided by the service, then TKKSD reviewing the KB draft again and again, which keeps the state's size) and one of 10. The snapshots are taken as an application's are: by the agreement service, loading the stored stream with \`snapshots: { store, every: 100 }\`, which folds the stored events and saves the state; one long agreement's snapshot is at its head, the other's has 99 more events after it, the most \`every: 100\` leaves. The measured loads go through the service with the same option and save nothing, so each reads the snapshot, checks it (event hash, digest, state schema) and folds the events after it.`,
    '- Emmett as it comes reads a copy of the files seeded for Emmett on a shared connection: the same library writes the same file either way.',
    '',
    '## Subjects',
    '',
    ...report.subjects.map((subject) => `- **${subject.name}** (${SUBJECT_LABELS[subject.name]}): ${subject.setup}${subject.unavailable === undefined ? '' : ` — **unavailable**: ${subject.unavailable}`}`),
    '- Emmett is installed by the bench, on its first run, with npm into `packages/bench/.peers/` (git-ignored), never by the workspace, and used as published: its SQLite adapter from `@event-driven-io/emmett-sqlite` (with node-sqlite3, which compiles from source where no prebuilt binary downloads), its PostgreSQL adapter from `@event-driven-io/emmett-postgresql`; the global log read with each adapter\'s `readMessagesBatch`, as Emmett\'s own consumers read it. emmett-sqlite 0.42.4 declares `@event-driven-io/emmett@0.42.4` as its peer, which is not published, so its folder installs with `--legacy-peer-deps` beside emmett 0.42.0. A subject whose packages cannot be installed or loaded is reported unavailable with the reason, and the run goes on.',
    '',
    '## Workloads',
    '',
    ...workloadLines(report.sizes),
    '',
    ...budgetLines(report),
    ...notesLines(report),
  ].join('\n')
}

function machineLines(machine: MachineInfo): string[] {
  const postgres = 'unavailable' in machine.postgres ? `unavailable: ${machine.postgres.unavailable}` : `${machine.postgres.server}; ${Object.entries(machine.postgres.settings).map(([key, value]) => `${key}=${value}`).join(', ')}`
  return [
    '| | |',
    '|---|---|',
    `| CPU | ${machine.cpus} × ${machine.cpuModel} |`,
    `| memory | ${machine.memoryGb} GB |`,
    `| system | ${machine.os} |`,
    `| load average (1, 5, 15 min) | ${machine.loadBefore.map((load) => load.toFixed(1)).join(', ')} at the start, ${machine.loadAfter.map((load) => load.toFixed(1)).join(', ')} at the end |`,
    `| Node.js | ${machine.node} |`,
    `| PostgreSQL | ${postgres} |`,
    `| drivers | ${machine.drivers.join('; ')} |`,
    `| Emmett | ${machine.emmett.length === 0 ? 'not installed' : machine.emmett.join('; ')} |`,
    `| Kerjasama | ${machine.kerjasamaCommit} |`,
  ]
}

function postgresDurability(machine: MachineInfo): string {
  if ('unavailable' in machine.postgres) return 'no server'
  const { fsync, synchronous_commit: synchronousCommit } = machine.postgres.settings
  return `fsync=${fsync ?? '?'}, synchronous_commit=${synchronousCommit ?? '?'}`
}

function workloadLines(sizes: WorkloadSizes): string[] {
  const c = sizes.commandPath
  const b = sizes.batchAppend
  const w = sizes.concurrentWriters
  return [
    'Events are shaped like a real ActionCompleted (agreementId, actionId, an 80-character description, an ISO due date, one evidence URL; metadata actor and correlationId); W4 and W5 read agreements decided by the real service.',
    '',
    `- **W1** command path: ${count(c.streams)} streams × ${c.appendsPerStream}; read the stream's version (Kerjasama and Emmett read the stream, the raw drivers \`max(version)\`), append one event at it.`,
    `- **W2** batch append: ${count(b.streams * b.eventsPerAppend)} events into ${count(b.streams)} new streams, ${b.eventsPerAppend} per append.`,
    `- **W3** rehydrate a ${count(sizes.rehydrate.streamLength)}-event stream, ${sizes.rehydrate.reads} times, from the W6 data set, where its events lie among the others' (each subject's own readStream, every event deserialised). With snapshots, Kerjasama only: the ${count(sizes.rehydrate.streamLength)}-event agreements of the snapshot data set (snapshot at the head; 99 events after it) loaded through the agreement service, in turn with the 10-event one (the median of up to 100 loads each, 0.75 s at most, after the reads without); the issue's target is at most twice the 10-event load.`,
    `- **W4** catch-up: read all ${count(sizes.catchUp.events)} events of a data set of agreement histories in global order, ${sizes.readBatch} per round trip.`,
    `- **W5** projection rebuild: the register (\`registerProjection\` through \`createProjectionRunner\`) built from nothing over W4's data, on a copy of it; beside its rate, its share of the same process's readAll rate (the runner's design target is at least half), the process's peak RSS, and the median of 30 filtered register pages asked right after it (fewer when they take over 10 s together). Kerjasama only.`,
    `- **W6** memory: the process's peak RSS (the kernel's high-water mark) while it reads ${count(sizes.memory.events)} events through readAll, ${sizes.readBatch} per round trip, in a process that does nothing else.`,
    `- **W7** the domain path: \`execute()\` of every command of a full KSDPK lifecycle (\`agreementLifecycle\` from @kerjasama/core/testing) for ${count(sizes.domainPath.agreements)} agreements. Kerjasama only.`,
    `- **W8** concurrent writers on disjoint streams, ${count(w.appendsPerWriter)} single-event appends each: PostgreSQL ${w.postgresWriters} writers in one process with a connection each, SQLite ${w.sqliteProcesses} processes on one file; appends per second from the common start to the last append, and the p99 latency of an append.`,
  ]
}

function budgetLines(report: BenchReport): string[] {
  if (report.budgetsMs === undefined) return ['Every workload ran to its full size (`--no-budget`).', '']
  const lines = [
    '## Time budgets',
    '',
    `A synced commit takes a few milliseconds on an ordinary disk, so the write workloads at full size would take most of an hour for seven subjects and three rounds. Each process stops at its workload's budget (${Object.entries(report.budgetsMs).map(([workload, ms]) => `${workload} ${count((ms as number) / 1000)} s`).join(', ')}) and reports the rate over what it did; \`pnpm bench --no-budget\` runs the full sizes. The reads and the rebuild are given long enough for the faster subjects to finish ${report.budgetsMs.W6 === undefined ? '' : `(W6 ${count(report.budgetsMs.W6 / 1000)} s: ${count(report.sizes.memory.events)} events at ${count(report.sizes.memory.events / (report.budgetsMs.W6 / 1000))} a second)`}; a slower subject is stopped there, its figure over what it read and starred. Done per process (median), where less than the full size:`,
    '',
  ]
  for (const [workload, budget] of Object.entries(BUDGET_COUNTS) as Array<[WorkloadId, NonNullable<(typeof BUDGET_COUNTS)[WorkloadId]>]>) {
    const parts = report.subjects.flatMap((subject) => {
      const samples = report.results.flatMap((result) =>
        result.subject === subject.name && result.workload === workload && result.outcome.ok && result.outcome.metrics[budget.metric] !== undefined ? [result.outcome.metrics[budget.metric] as number] : [],
      )
      const done = median(samples)
      const full = budget.full(report.sizes, subject.engine)
      return samples.length === 0 || done >= full ? [] : [`${subject.name} ${count(done)} of ${count(full)}`]
    })
    if (parts.length > 0) lines.push(`- ${workload} (${budget.unit}): ${parts.join(', ')}`)
  }
  return [...lines, '']
}

function notesLines(report: BenchReport): string[] {
  const lines: string[] = []
  for (const figure of figures(report.sizes, report.snapshotsMeasured)) if (figure.notYetBecause !== undefined && report.results.some((result) => result.workload === figure.workload)) lines.push(`- ${figure.label}: not yet; ${figure.notYetBecause}.`)
  for (const subject of report.subjects) if (subject.unavailable !== undefined) lines.push(`- ${subject.name} unavailable: ${subject.unavailable}`)
  for (const result of report.results) {
    if (!result.outcome.ok) lines.push(`- ${result.subject} ${result.workload}, round ${result.round}, failed: ${result.outcome.error}`)
  }
  const noted = new Map<string, number[]>()
  for (const result of report.results) {
    if (!result.outcome.ok) continue
    for (const note of result.outcome.notes) {
      const key = `${result.subject} ${result.workload}: ${note}`
      noted.set(key, [...(noted.get(key) ?? []), result.round])
    }
  }
  for (const [note, rounds] of noted) lines.push(`- ${note} (round ${rounds.join(', ')})`)
  const wall = report.results.reduce((sum, result) => sum + result.seconds, 0)
  lines.push(`- ${report.results.length} measuring processes, ${formatFigure(wall)} s between them; the rest of the run was installing, seeding the data sets and making databases.`)
  return ['## Notes on this run', '', ...lines, '']
}

const PHASE_LABELS: Record<RunPhase['name'], string> = {
  peers: 'installing or finding Emmett and checking PostgreSQL',
  bundle: 'building the measuring processes\' bundle',
  probes: 'probing every subject',
  seeding: 'seeding the data sets',
  measuring: 'measuring',
}

function phaseText(report: BenchReport): string {
  if (report.phases === undefined || report.phases.length === 0) return ''
  const processes = report.results.reduce((sum, result) => sum + result.seconds, 0)
  const parts = report.phases.map((phase) =>
    phase.name === 'measuring'
      ? `${PHASE_LABELS[phase.name]} ${count(phase.seconds)} s (${report.results.length} processes, ${count(processes)} s between them; the rest making, copying and dropping their databases)`
      : `${PHASE_LABELS[phase.name]} ${count(phase.seconds)} s`,
  )
  return `: ${parts.join(', ')}`
}
