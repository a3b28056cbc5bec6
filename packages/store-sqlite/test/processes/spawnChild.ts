import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { spawnChild as spawnScript } from '@kerjasama/store-contract'

export { finished, printed } from '@kerjasama/store-contract'

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** Starts one of this folder's child scripts as a separate OS process (store-contract's spawnChild). */
export function spawnChild(script: string, args: string[]): ChildProcess {
  return spawnScript(new URL(script, import.meta.url), args, { cwd: repositoryRoot })
}
