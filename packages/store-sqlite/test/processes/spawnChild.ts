import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** Starts a child script under tsx with workspace packages resolved from source, as a separate OS process. */
export function spawnChild(script: string, args: string[]): ChildProcess {
  const path = fileURLToPath(new URL(script, import.meta.url))
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@kerjasama/source', path, ...args], {
    cwd: repositoryRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/** Resolves with the exit code once the child ends; rejects with its stderr when it fails. */
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
