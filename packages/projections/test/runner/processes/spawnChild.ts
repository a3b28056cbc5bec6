import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../../../../../', import.meta.url))

/** Starts a child script as a separate OS process under tsx, workspace packages resolved from source. */
export function spawnChild(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@kerjasama/source', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    cwd: repositoryRoot,
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/** Resolves with the exit code once the child ends (a SIGKILL counts as expected); rejects with its stderr otherwise. */
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

/** Resolves once the child has printed `line`; rejects if it ends first. */
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
