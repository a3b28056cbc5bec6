import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kebumenFile } from './support/kebumenStore'

const main = new URL('../src/main.ts', import.meta.url).pathname

/** Runs the kerjasama process from source, its stdout read by nobody: the reader has gone before the first line is written. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@kerjasama/source', '--import', 'tsx', main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('the kerjasama process', () => {
  let directory: string
  let file: string
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'kerjasama-process-'))
    file = await kebumenFile(join(directory, 'kebumen.db'))
  })
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('piped into a reader that goes away (`kerjasama register | head -1`), stops quietly instead of with an EPIPE stack', async () => {
    const { code, stderr } = await runWithClosedStdout(['register', '--db', file])
    expect(stderr).not.toContain('EPIPE')
    expect(code).toBe(0)
  })
})
