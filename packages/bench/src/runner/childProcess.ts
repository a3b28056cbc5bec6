import { spawn } from 'node:child_process'
import type { ChildTask } from './childTask'
import { RESULT_PREFIX } from './childTask'

export type ChildReport = { ok: true; [key: string]: unknown } | { ok: false; error: string }

/**
 * Runs one task in a process of its own and resolves with what it reported
 * and how long the process took. A child that ends without a result, or
 * outlives `timeoutMs`, is a failure, never a hang of the whole run.
 */
export function runChild(bundle: string, task: ChildTask, timeoutMs: number): Promise<{ report: ChildReport; seconds: number }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, JSON.stringify(task)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-8000) })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const seconds = (performance.now() - started) / 1000
      const line = stdout.split('\n').reverse().find((candidate) => candidate.startsWith(RESULT_PREFIX))
      if (line !== undefined) return resolve({ report: JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildReport, seconds })
      const why = timedOut ? `did not finish within ${Math.round(timeoutMs / 1000)} s` : `ended (${signal ?? `exit ${code}`}) without a result`
      const lastError = stderr.trim().split('\n').filter((text) => text.trim() !== '').at(-1)
      resolve({ report: { ok: false, error: `the process ${why}${lastError === undefined ? '' : `: ${lastError.slice(0, 300)}`}` }, seconds })
    })
  })
}
