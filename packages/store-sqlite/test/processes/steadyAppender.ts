import { performance } from 'node:perf_hooks'
import { openSqliteStore } from '../../src/index'

/**
 * One of several processes appending back to back to one file: single-event
 * appends to its own stream, `count` of them or for `durationMs` after the
 * parent's go, whichever ends first (0: no limit), each timed from the call
 * to its resolution. An append that fails with STORE_UNAVAILABLE is counted
 * and retried with the same idempotency key, so the stream stays complete
 * either way and the parent can tell "failed" from "lost". Prints one line
 * `result <json>` with the appends made, the errors by code, the time of each
 * append, and the CPU time the appending took.
 */
const [file, writer, countText, durationText] = process.argv.slice(2) as [string, string, string, string | undefined]
const count = Number(countText) || Number.POSITIVE_INFINITY
const durationMs = Number(durationText ?? 0) || Number.POSITIVE_INFINITY
const store = openSqliteStore({ file })
const metadata = { actor: { id: `writer-${writer}`, role: 'test' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' }
const errors: Record<string, number> = {}
const latenciesMs: number[] = []
// Every writer opens the file, says so, and waits for the parent's go, so the appends of all writers overlap.
process.stdout.write('ready\n')
await new Promise((resolve) => process.stdin.once('data', resolve))
const cpuAtStart = process.cpuUsage()
const end = performance.now() + durationMs
let appended = 0
while (appended < count && performance.now() < end) {
  const event = { type: 'Written', schemaVersion: 1, data: { writer, index: appended }, metadata }
  for (;;) {
    const started = performance.now()
    try {
      await store.append(`steady-${writer}`, [event], { expectedVersion: appended, idempotencyKey: `steady-${writer}-${appended}` })
      latenciesMs.push(performance.now() - started)
      break
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'UNCODED'
      errors[code] = (errors[code] ?? 0) + 1
      if (code !== 'STORE_UNAVAILABLE') throw error
    }
  }
  appended += 1
}
const cpu = process.cpuUsage(cpuAtStart)
await store.close()
process.stdout.write(`result ${JSON.stringify({ writer, appended, errors, latenciesMs, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`)
