import { agreementTemplate } from '../datasets/agreementTemplate'
import { catchUpLog } from '../datasets/catchUpLog'
import { largeLog } from '../datasets/largeLog'
import type { SeedAppend } from '../datasets/seedAppend'
import { seedSnapshotAgreements } from '../datasets/snapshotAgreements'
import type { BenchSubject, SubjectName } from '../subjects/benchSubject'
import { SUBJECTS } from '../subjects/subjectCatalogue'
import { runWriter } from '../workloads/concurrentWriter'
import { WORKLOADS } from '../workloads/workloadCatalogue'
import type { ChildTask } from './childTask'
import { GO_LINE, READY_LINE, RESULT_PREFIX } from './childTask'
import { spawnWriters } from './writerProcesses'

/**
 * The entry of every measuring process (bundled once per run by the
 * runner, so a process starts in a fraction of a second). It runs one task
 * and prints its result as the last line of its output.
 */
const PROBE_WAIT_MS = 10_000

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask

function report(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`)
}

// A subject closes once, whoever asks first (W8 closes it before its SQLite writer processes open the file).
function closingOnce(subject: BenchSubject): BenchSubject {
  let closed: Promise<void> | undefined
  return { ...subject, close: () => (closed ??= subject.close()) }
}

async function open(name: SubjectName, connections: number, durability: 'full' | 'relaxed'): Promise<BenchSubject> {
  return closingOnce(await SUBJECTS[name].open(task.database, { connections, durability, peerFolders: task.peerFolders }))
}

async function main(): Promise<void> {
  if (task.kind === 'probe') {
    const subject = await open(task.subject, 1, 'full')
    try {
      await subject.append('probe-1', [{ type: 'Probe', schemaVersion: 1, data: { ok: true }, metadata: { actor: { id: 'bench', role: 'opd' }, correlationId: 'probe' } }], 0)
      const version = await subject.readStreamVersion('probe-1')
      // Emmett's PostgreSQL log shows a commit only once every transaction older than it has ended, so
      // another client's long transaction on the shared server can hide the probe's append for a moment.
      let all = await subject.readAll(10)
      for (const started = performance.now(); all === 0 && performance.now() - started < PROBE_WAIT_MS; all = await subject.readAll(10)) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      if (version !== 1 || all !== 1) throw new Error(`read back version ${version} and ${all} events after one append`)
      report({ ok: true, durability: subject.durability === undefined ? undefined : await subject.durability() })
    } finally {
      await subject.close()
    }
    return
  }
  if (task.kind === 'seed') {
    // Emmett's SQLite data sets are written through one connection with relaxed durability: the same library writes
    // the same file either way, and a connection per append would only make seeding slower.
    const subject = await open(task.subject === 'emmett-sqlite' ? 'emmett-sqlite-shared' : task.subject, 1, 'relaxed')
    try {
      if (task.dataset === 'snapshots') {
        if (subject.kerjasama === undefined) throw new Error('the snapshot data set is Kerjasama\'s alone')
        const started = performance.now()
        const events = await seedSnapshotAgreements(subject.kerjasama.events, subject.kerjasama.snapshots, task.sizes.rehydrate.streamLength)
        report({ ok: true, events, seconds: (performance.now() - started) / 1000 })
        return
      }
      const appends: Iterable<SeedAppend> =
        task.dataset === 'catch-up' ? catchUpLog(await agreementTemplate(), task.sizes.catchUp.events) : largeLog(task.sizes.memory.events, task.sizes.rehydrate.streamLength)
      let events = 0
      const started = performance.now()
      for (const append of appends) {
        await subject.append(append.streamId, append.events, append.expectedVersion)
        events += append.events.length
      }
      report({ ok: true, events, seconds: (performance.now() - started) / 1000 })
    } finally {
      await subject.close()
    }
    return
  }
  if (task.kind === 'writer') {
    const subject = await open(task.subject, 1, 'full')
    try {
      process.stdout.write(`${READY_LINE}\n`)
      await lineFromParent(GO_LINE)
      const deadline = task.budgetMs === null ? Number.POSITIVE_INFINITY : performance.now() + task.budgetMs
      report(await runWriter(subject, task.writer, task.appends, deadline))
    } finally {
      await subject.close()
    }
    return
  }
  const workload = WORKLOADS[task.workload]
  const factory = SUBJECTS[task.subject]
  const subject = await open(task.subject, workload.connections(factory, task.sizes), 'full')
  const extra = task.extraDatabase === undefined ? undefined : closingOnce(await factory.open(task.extraDatabase, { connections: 1, durability: 'full', peerFolders: task.peerFolders }))
  try {
    const deadline = task.budgetMs === null ? Number.POSITIVE_INFINITY : performance.now() + task.budgetMs
    const measurement = await workload.run({
      subject,
      factory,
      database: task.database,
      sizes: task.sizes,
      deadline,
      ...(extra === undefined ? {} : { extra }),
      spawnWriters: (count, appendsPerWriter) => spawnWriters(task, count, appendsPerWriter),
    })
    report({ ok: true, ...measurement })
  } finally {
    await extra?.close()
    await subject.close()
  }
}

function lineFromParent(expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk: string) => {
      buffered += chunk
      if (buffered.split('\n').includes(expected)) {
        process.stdin.pause()
        resolve()
      }
    })
    process.stdin.on('end', () => reject(new Error(`the parent closed stdin before ${expected}`)))
  })
}

main().then(
  // Pools and timers of a library may linger; the result is out, so the process ends here.
  () => process.exit(0),
  (error: unknown) => {
    report({ ok: false, error: describe(error) })
    process.exit(1)
  },
)

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return `${code === undefined ? '' : `${String(code)}: `}${error.message}`.split('\n')[0]?.slice(0, 300) ?? 'unknown error'
  }
  return String(error).slice(0, 300)
}
