import { runCli } from '../../src'
import type { CliIo } from '../../src'
import { KEBUMEN_NOW } from './kebumenStore'

export type CliRun = { code: number; out: string[]; err: string[] }

/** runCli with its output collected; the clock is the Kebumen examples' day unless the io says otherwise. */
export async function kerjasama(argv: readonly string[], io: Partial<Omit<CliIo, 'out' | 'err'>> = {}): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { env: {}, clock: () => KEBUMEN_NOW, ...io, out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, out, err }
}
