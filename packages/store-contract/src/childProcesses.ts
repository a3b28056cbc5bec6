import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export type ChildOptions = {
  /** Where `tsx` is found (in this workspace, the repository root). */
  cwd: string
  /** Export conditions the child resolves packages with; by default Kerjasama's own sources. */
  conditions?: readonly string[]
}

/**
 * Starts a TypeScript script as a separate OS process under tsx, for the
 * tests that need another process on the same store: two writers on one
 * file, a lease holder killed with SIGKILL. `script` is a URL so the caller
 * names it relative to its own file: `new URL('./child.ts', import.meta.url)`.
 */
export function spawnChild(script: URL, args: readonly string[], options: ChildOptions): ChildProcess {
  const conditions = (options.conditions ?? ['@kerjasama/source']).map((condition) => `--conditions=${condition}`)
  return spawn(process.execPath, ['--import', 'tsx', ...conditions, fileURLToPath(script), ...args], {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/** Resolves with the exit code once the child ends (a SIGKILL the test sent counts as expected); rejects with its stderr otherwise. */
export function finished(child: ChildProcess): Promise<number | null> {
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0 || signal === 'SIGKILL') resolve(code)
      else reject(new Error(`child exited with ${code ?? signal}: ${stderr}`))
    })
  })
}

/** Resolves once the child has printed a line equal to `line`; rejects if it ends first. */
export function printed(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('exit', () => reject(new Error(`child ended before printing ${line}`)))
    let buffer = ''
    const listen = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8')
      if (buffer.split('\n').includes(line)) {
        child.stdout?.off('data', listen)
        resolve()
      }
    }
    child.stdout?.on('data', listen)
  })
}
