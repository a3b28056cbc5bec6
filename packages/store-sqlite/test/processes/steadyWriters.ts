import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { finished, printed, spawnChild } from './spawnChild'

export type SteadyWriterResult = { writer: string; appended: number; errors: Record<string, number>; latenciesMs: number[]; cpuMs: number }

/**
 * Runs `writers` steadyAppender processes on one file, started together,
 * optionally beside a process that does nothing but spin (a busy machine).
 * Used by the test of several writers and by the multi-process bench.
 */
export async function runSteadyWriters(options: { file: string; writers: number; count: number; durationMs?: number; cpuHog: boolean }): Promise<{ results: SteadyWriterResult[]; wallMs: number }> {
  const hog = options.cpuHog ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : undefined
  const children = Array.from({ length: options.writers }, (_, writer) => spawnChild('./steadyAppender.ts', [options.file, String(writer), String(options.count), String(options.durationMs ?? 0)]))
  try {
    const outputs = children.map((child) => {
      let output = ''
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
      })
      return () => output
    })
    const exits = Promise.all(children.map(finished))
    // A child that fails while starting fails the run with its stderr instead of hanging it.
    await Promise.race([Promise.all(children.map((child) => printed(child, 'ready'))), exits])
    const started = performance.now()
    for (const child of children) child.stdin?.end('go\n')
    await exits
    const wallMs = performance.now() - started
    const results = outputs.map((output) => {
      const line = output().split('\n').find((candidate) => candidate.startsWith('result '))
      if (line === undefined) throw new Error(`a writer ended without its result: ${output()}`)
      return JSON.parse(line.slice('result '.length)) as SteadyWriterResult
    })
    return { results, wallMs }
  } finally {
    hog?.kill('SIGKILL')
    // After a failure, the writers still waiting for their go (or still appending) must not outlive the run.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
}

/** p-quantile (0..1) of the values, by the nearest-rank method. */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN
}
