import type { LocalizedMessage } from '@kerjasama/core'
import type { ExitCode } from './exitCodes'
import type { Language, Wording } from './language'
import type { OptionName, OptionValues } from './optionCatalogue'
import type { StoreSelection } from './storeOptions'

export type CliIo = {
  out: (line: string) => void
  err: (line: string) => void
  env?: NodeJS.ProcessEnv
  /** Width of the terminal stdout goes to; absent when it goes to a file or a pipe (tables are then not cut). */
  columns?: number
  /** "Now" for the watchlist and deadlines and the runner's clock for rates; default the system clock. */
  clock?: () => Date
  /** A terminal for the rebuild's progress bar; absent, progress is printed as plain lines on err. */
  progressTerminal?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  /** Ends a long-running command (serve); main.ts aborts it on SIGINT and SIGTERM. */
  stop?: AbortSignal
}

/** One positional argument of a command, as its help and usage errors name it. */
export type ArgumentSpec = { name: string; required: boolean; help: LocalizedMessage }

export type CommandContext = {
  selection: StoreSelection
  io: CliIo
  /** The command's own options (store options are in `selection`). */
  values: OptionValues
  /** The positional arguments after the command's name, as many as it declares. */
  args: readonly string[]
  json: boolean
  language: Language
  wording: Wording
}

/**
 * One entry of the command table. A command declares the options it takes
 * (with their help in its own words) and its positional arguments; the
 * command line refuses any other.
 */
export type Command = {
  name: string
  summary: LocalizedMessage
  options: Readonly<Partial<Record<OptionName, LocalizedMessage>>>
  arguments?: readonly ArgumentSpec[]
  /** Paragraphs of its --help after the options, one per language each. */
  notes?: readonly LocalizedMessage[]
  /** Whether the command only reads (opened read-only, never creating a store); the help says so. */
  readOnly?: boolean
  run(context: CommandContext): Promise<ExitCode>
}
