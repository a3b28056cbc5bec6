import { spawn } from 'node:child_process'
import type { WriterOutcome } from '../workloads/workload'
import type { ChildTask } from './childTask'
import { GO_LINE, READY_LINE, RESULT_PREFIX } from './childTask'

/**
 * W8 on SQLite: `count` processes of this same bundle, each opening the file
 * on its own. They are released together once every one has opened it, so
 * the wall time is that of the appends alone.
 */
export async function spawnWriters(task: Extract<ChildTask, { kind: 'workload' }>, count: number, appendsPerWriter: number): Promise<{ outcomes: WriterOutcome[]; wallMs: number }> {
  const writers = Array.from({ length: count }, (_, writer) => {
    const writerTask: ChildTask = { kind: 'writer', subject: task.subject, database: task.database, writer, appends: appendsPerWriter, budgetMs: task.budgetMs, peerFolders: task.peerFolders }
    const child = spawn(process.execPath, [task.bundle, JSON.stringify(writerTask)], { stdio: ['pipe', 'pipe', 'inherit'] })
    let output = ''
    let announceReady: () => void = () => undefined
    const ready = new Promise<void>((resolve) => { announceReady = resolve })
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      if (output.split('\n').includes(READY_LINE)) announceReady()
    })
    const done = new Promise<WriterOutcome>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', () => {
        const line = output.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX))
        if (line === undefined) return reject(new Error(`writer ${writer} ended without a result`))
        const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as WriterOutcome | { ok: false; error: string }
        if ('ok' in result && result.ok === false) return reject(new Error(`writer ${writer}: ${result.error}`))
        resolve(result as WriterOutcome)
      })
    })
    return { child, ready, done }
  })
  await Promise.race([Promise.all(writers.map((writer) => writer.ready)), Promise.all(writers.map((writer) => writer.done))])
  const started = performance.timeOrigin + performance.now()
  for (const writer of writers) writer.child.stdin.end(`${GO_LINE}\n`)
  const outcomes = await Promise.all(writers.map((writer) => writer.done))
  // Until the last append, not the last process's exit.
  return { outcomes, wallMs: Math.max(...outcomes.map((outcome) => outcome.finishedAtMs)) - started }
}
