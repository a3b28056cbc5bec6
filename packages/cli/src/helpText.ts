import type { LocalizedMessage } from '@kerjasama/core'
import type { Command } from './command'
import { EXIT_CODE_MEANINGS } from './exitCodes'
import { OPTION_CATALOGUE } from './optionCatalogue'
import type { OptionName } from './optionCatalogue'

const GLOBAL_OPTIONS: ReadonlyArray<[string, LocalizedMessage]> = [
  ['--help, -h', { id: 'menampilkan bantuan ini (atau bantuan satu perintah)', en: 'show this help (or the help of one command)' }],
  ['--version', { id: 'menampilkan versi kerjasama', en: 'show the version of kerjasama' }],
]

function both(message: LocalizedMessage): string {
  return `${message.en} (${message.id})`
}

function optionLines(entries: ReadonlyArray<[string, LocalizedMessage]>): string[] {
  const width = Math.max(...entries.map(([flag]) => flag.length)) + 3
  return entries.map(([flag, help]) => `  ${flag.padEnd(width)}${both(help)}`)
}

function exitCodeLines(): string[] {
  return ['Kode keluar / Exit codes:', ...EXIT_CODE_MEANINGS.map(({ code, meaning }) => `  ${code}  ${both(meaning)}`)]
}

function flagOf(name: OptionName): string {
  const { placeholder } = OPTION_CATALOGUE[name]
  return placeholder === '' ? `--${name}` : `--${name} ${placeholder}`
}

function optionEntries(command: Command): Array<[string, LocalizedMessage]> {
  return (Object.entries(command.options) as Array<[OptionName, LocalizedMessage]>).map(([name, help]) => [flagOf(name), help])
}

function argumentSynopsis(command: Command): string {
  return (command.arguments ?? []).map((argument) => (argument.required ? `<${argument.name}>` : `[${argument.name}]`)).join(' ')
}

/** `kerjasama --help`: every command, every option, the exit codes. Generated from the command table, so it cannot fall behind it. */
export function generalHelp(commands: readonly Command[]): string {
  const usages = commands.map((command) => [command.name, argumentSynopsis(command)].filter((part) => part !== '').join(' '))
  const width = Math.max(...usages.map((usage) => usage.length), 'help [command]'.length) + 3
  const options = new Map<string, LocalizedMessage>()
  for (const command of commands) for (const [flag, help] of optionEntries(command)) if (!options.has(flag)) options.set(flag, help)
  return [
    'kerjasama <command> [options]',
    '',
    'Perintah / Commands:',
    ...commands.map((command, index) => `  ${(usages[index] ?? command.name).padEnd(width)}${both(command.summary)}`),
    `  ${'help [command]'.padEnd(width)}${both({ id: 'bantuan satu perintah', en: 'the help of one command' })}`,
    '',
    'Opsi / Options (`kerjasama <command> --help` says what each means there / artinya per perintah):',
    ...optionLines([...options.keys()].map((flag) => [flag, options.get(flag) as LocalizedMessage])),
    ...optionLines(GLOBAL_OPTIONS),
    '',
    ...exitCodeLines(),
    '',
  ].join('\n')
}

/** `kerjasama <command> --help`. */
export function commandHelp(command: Command): string {
  const synopsis = [argumentSynopsis(command), ...(Object.keys(command.options) as OptionName[]).map((name) => `[${flagOf(name)}]`)].filter((part) => part !== '').join(' ')
  const argumentLines = (command.arguments ?? []).map((argument): [string, LocalizedMessage] => [argument.required ? `<${argument.name}>` : `[${argument.name}]`, argument.help])
  return [
    `kerjasama ${command.name} ${synopsis}`.trimEnd(),
    '',
    `  ${command.summary.en}`,
    `  ${command.summary.id}`,
    '',
    ...(argumentLines.length === 0 ? [] : ['Argumen / Arguments:', ...optionLines(argumentLines), '']),
    'Opsi / Options:',
    ...optionLines([...optionEntries(command), ...GLOBAL_OPTIONS]),
    ...(command.notes ?? []).flatMap((note) => ['', note.en, `(${note.id})`]),
    '',
    ...exitCodeLines(),
    '',
  ].join('\n')
}
