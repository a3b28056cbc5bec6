import type { LocalizedMessage } from '@kerjasama/core'
import type { ExitCode } from './exitCodes'
import type { StoreOptionName, StoreSelection } from './storeOptions'

export type CliIo = { out: (line: string) => void; err: (line: string) => void; env?: NodeJS.ProcessEnv }

export type CommandContext = { selection: StoreSelection; io: CliIo }

/**
 * One entry of the command table. A command declares the options it takes
 * (with their help in its own words); the command line refuses any other,
 * and every command refuses positional arguments after its name.
 */
export type Command = {
  name: string
  summary: LocalizedMessage
  options: Readonly<Partial<Record<StoreOptionName, LocalizedMessage>>>
  /** Paragraphs of its --help after the options, one per language each. */
  notes?: readonly LocalizedMessage[]
  run(context: CommandContext): Promise<ExitCode>
}
