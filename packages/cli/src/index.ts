import { isKerjasamaError } from '@kerjasama/core'
import { USAGE, parseArgs } from './args'
import { demo } from './commands/demo'
import { verify } from './commands/verify'

export { parseArgs, USAGE } from './args'
export type { CliArgs, StoreKind } from './args'

export type CliIo = { out: (line: string) => void; err: (line: string) => void; env?: NodeJS.ProcessEnv }

/** Runs the kerjasama command; returns the process exit code instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.command === 'demo') return await demo(args, io.out, io.env)
    if (args.command === 'verify') return await verify(args, io.out, io.env)
    io.out(USAGE)
    return 0
  } catch (error) {
    if (isKerjasamaError(error)) {
      io.err(`${error.code}: ${error.localized.id}`)
      io.err(`${error.code}: ${error.localized.en}`)
      if (error.code === 'CLI_USAGE') io.err(USAGE)
      return 2
    }
    throw error
  }
}
