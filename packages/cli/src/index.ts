import { isKerjasamaError } from '@kerjasama/core'
import type { CliIo } from './command'
import { COMMANDS } from './commandTable'
import { parseCommandLine } from './commandLine'
import { failureOutput } from './errorOutput'
import { failureHint } from './failureHints'
import { EXIT } from './exitCodes'
import type { ExitCode } from './exitCodes'
import { commandHelp, generalHelp } from './helpText'
import { requestedLanguage, wordingFor } from './language'
import { asSchemaOptionError } from './schemaOption'
import { UsageError } from './usageError'
import { CLI_VERSION } from './version'

export { parseCommandLine } from './commandLine'
export type { CommandLine } from './commandLine'
export type { ArgumentSpec, CliIo, Command, CommandContext } from './command'
export { COMMANDS } from './commandTable'
export { EXIT, EXIT_CODE_MEANINGS } from './exitCodes'
export type { ExitCode } from './exitCodes'
export { commandHelp, generalHelp } from './helpText'
export type { StoreKind, StoreSelection } from './storeOptions'
export type { Language } from './language'
export { OPTION_CATALOGUE } from './optionCatalogue'
export type { OptionName } from './optionCatalogue'
export { renderTable } from './tableLayout'
export type { Column } from './tableLayout'
export { CLI_VERSION } from './version'

/**
 * Runs the kerjasama command; returns the process exit code instead of
 * exiting, so tests can call it: 0 ok, 1 failure (a store error, a problem
 * verify found, a failed projection), 2 usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const line = parseCommandLine(argv, COMMANDS)
    if (line.kind === 'version') {
      io.out(`kerjasama ${CLI_VERSION}`)
      return EXIT.ok
    }
    if (line.kind === 'help') {
      io.out(line.command === undefined ? generalHelp(COMMANDS) : commandHelp(line.command))
      return EXIT.ok
    }
    const { command, selection, values, args, json, language } = line
    try {
      return await command.run({ selection, io, values, args, json, language, wording: wordingFor(language) })
    } catch (error) {
      throw asSchemaOptionError(error, command.name)
    }
  } catch (error) {
    if (!isKerjasamaError(error)) throw error
    // Read from argv itself: the line may not have parsed far enough to know.
    const language = requestedLanguage(argv)
    const json = argv.includes('--json')
    for (const text of failureOutput(error, { language, json })) io.err(text)
    const hint = json ? undefined : failureHint(error)
    if (hint !== undefined) for (const text of wordingFor(language).lines(hint)) io.err(text)
    return error instanceof UsageError ? EXIT.usage : EXIT.failure
  }
}
