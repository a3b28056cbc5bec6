import { actionCompleted } from '../datasets/actionCompleted'
import type { BenchSubject } from '../subjects/benchSubject'
import type { WriterOutcome } from './workload'

const STREAMS_PER_WRITER = 10
const MAX_ATTEMPTS = 50

/**
 * One of W8's writers: `appends` single-event appends, round robin over ten
 * streams only this writer touches, each at the version it knows. An append
 * the database refuses for a lock (SQLite's SQLITE_BUSY when a library sets
 * no busy timeout) is tried again, and counted; one refused 50 times is a failure.
 */
export async function runWriter(subject: BenchSubject, writer: number, appends: number, deadline: number): Promise<WriterOutcome> {
  const versions = new Array<number>(STREAMS_PER_WRITER).fill(0)
  const latenciesMs: number[] = []
  let retries = 0
  let failures = 0
  let firstFailure: string | undefined
  for (let index = 0; index < appends && performance.now() <= deadline; index += 1) {
    const stream = index % STREAMS_PER_WRITER
    const version = versions[stream] as number
    const started = performance.now()
    for (let attempt = 1; ; attempt += 1) {
      try {
        await subject.append(`writer-${writer}-stream-${stream}`, [actionCompleted(writer * STREAMS_PER_WRITER + stream, version + 1)], version)
        versions[stream] = version + 1
        latenciesMs.push(performance.now() - started)
        break
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isLockRefusal(error)) {
          failures += 1
          firstFailure ??= describeFailure(error)
          break
        }
        retries += 1
        await new Promise((resolve) => setTimeout(resolve, attempt))
      }
    }
  }
  return { latenciesMs, retries, failures, finishedAtMs: performance.timeOrigin + performance.now(), ...(firstFailure === undefined ? {} : { firstFailure }) }
}

function describeFailure(error: unknown): string {
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown }
  return `${String(code ?? name ?? 'Error')}: ${String(message ?? error)}`.split('\n')[0]?.slice(0, 200) ?? 'unknown'
}

function isLockRefusal(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown }
  return code === 'SQLITE_BUSY' || code === 'STORE_UNAVAILABLE' || (typeof message === 'string' && message.includes('SQLITE_BUSY'))
}
