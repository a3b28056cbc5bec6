import { parseArgs } from 'node:util'
import { isKerjasamaError } from '@kerjasama/core'
import type { LocalizedMessage } from '@kerjasama/core'
import { assertIdentifier } from '@kerjasama/core/adapter'
import type { Command } from './command'
import { LANGUAGES } from './language'
import type { Language } from './language'
import { GLOBAL_FLAGS, OPTION_CATALOGUE, PARSER_OPTIONS, isOptionName } from './optionCatalogue'
import type { OptionName, OptionValues } from './optionCatalogue'
import { DEFAULT_DEMO_FILE, DEFAULT_PG_SCHEMA, STORE_KINDS, STORE_OPTION_NAMES } from './storeOptions'
import type { StoreKind, StoreSelection } from './storeOptions'
import { UsageError } from './usageError'

export type CommandLine =
  | { kind: 'help'; command: Command | undefined }
  | { kind: 'version' }
  | { kind: 'run'; command: Command; selection: StoreSelection; values: OptionValues; args: string[]; json: boolean; language: Language }

type FlagName = keyof typeof GLOBAL_FLAGS
type GivenName = OptionName | FlagName

/**
 * Reads argv with node:util parseArgs in token mode, then checks the tokens
 * against the command's own option and argument lists, so every mistake gets
 * a message in both languages that names the offending word (parseArgs'
 * strict mode would answer in English only, with advice about `--`).
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  // pnpm passes a lone `--` through (`pnpm demo -- --store memory`). No
  // command takes an argument that starts with a dash, so it is dropped.
  const args = argv.filter((arg) => arg !== '--')
  const { tokens: parsed } = parseArgs({ args, options: PARSER_OPTIONS, strict: false, allowPositionals: true, tokens: true })
  const tokens = negativeNumbersAsPositionals(parsed, args)
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []))
  const [first, ...rest] = positionals
  const asksHelp = first === 'help'
  const command = first === undefined || asksHelp ? undefined : findCommand(commands, first)

  const given = new Map<GivenName, string | undefined>()
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const raw = token.rawName
    if (!(token.name in PARSER_OPTIONS)) throw new UsageError({ id: `Opsi tidak dikenal: ${raw}`, en: `Unknown option: ${raw}` }, command?.name)
    const name = token.name as GivenName
    if (isOptionName(name)) {
      if (command === undefined) throw noCommand(commands, raw)
      if (!(name in command.options)) {
        throw new UsageError({ id: `Opsi ${raw} tidak berlaku untuk perintah ${command.name}`, en: `Option ${raw} does not apply to the ${command.name} command` }, command.name)
      }
    }
    if (given.has(name)) throw new UsageError({ id: `Opsi ${raw} diberikan lebih dari sekali`, en: `Option ${raw} is given more than once` }, command?.name)
    if (PARSER_OPTIONS[name]?.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError({ id: `Opsi ${raw} tidak menerima nilai`, en: `Option ${raw} takes no value` }, command?.name)
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-' && !NEGATIVE_NUMBER.test(token.value))) {
      // `--file --store memory` would otherwise make "--store" the file name. No option is named by a digit, so `--days -1` is a value, and its own check says what is wrong with it.
      throw new UsageError({ id: `Opsi ${raw} memerlukan nilai`, en: `Option ${raw} needs a value` }, command?.name)
    }
    given.set(name, token.value)
  }

  if (asksHelp) {
    const [topic, extra] = rest
    if (extra !== undefined) throw extraArgument(extra, undefined)
    return { kind: 'help', command: topic === undefined ? undefined : findCommand(commands, topic) }
  }
  if (given.has('help')) return { kind: 'help', command }
  if (given.has('version')) return { kind: 'version' }
  if (command === undefined) {
    if (rest[0] !== undefined) throw extraArgument(rest[0], undefined)
    return { kind: 'help', command: undefined }
  }
  checkArguments(command, rest)
  const language = languageOption(given.get('lang'), command.name)
  const values: Partial<Record<OptionName, string | true>> = {}
  for (const [name, value] of given) {
    if (!isOptionName(name) || (STORE_OPTION_NAMES as readonly string[]).includes(name) || name === 'json' || name === 'lang') continue
    values[name] = OPTION_CATALOGUE[name].type === 'boolean' ? true : (value as string)
  }
  return { kind: 'run', command, selection: storeSelection(given, command.name), values, args: rest, json: given.has('json'), language }
}

const NEGATIVE_NUMBER = /^-\d/

type Token = ReturnType<typeof parseArgs>['tokens'] extends Array<infer T> | undefined ? T : never

/**
 * parseArgs reads `skip register -1` as the short options -1: a position or
 * any other argument that is a negative number stays an argument, so the
 * command can say it is not a valid one instead of "unknown option -1".
 */
function negativeNumbersAsPositionals(tokens: readonly Token[], args: readonly string[]): Token[] {
  const seen = new Set<number>()
  return tokens.flatMap((token): Token[] => {
    const raw = args[token.index]
    if (token.kind !== 'option' || raw === undefined || !NEGATIVE_NUMBER.test(raw)) return [token]
    // A group such as -12 comes as one token per letter, all at the same index.
    if (seen.has(token.index)) return []
    seen.add(token.index)
    return [{ kind: 'positional', index: token.index, value: raw }]
  })
}

function findCommand(commands: readonly Command[], name: string): Command {
  const command = commands.find((candidate) => candidate.name === name)
  if (command === undefined) throw new UsageError({ id: `Perintah tidak dikenal: ${name}`, en: `Unknown command: ${name}` })
  return command
}

function noCommand(commands: readonly Command[], raw: string): UsageError {
  const names = commands.map((command) => command.name).join(', ')
  return new UsageError({ id: `Opsi ${raw} memerlukan perintah (${names})`, en: `Option ${raw} needs a command (${names})` })
}

function checkArguments(command: Command, given: readonly string[]): void {
  const declared = command.arguments ?? []
  const extra = given[declared.length]
  if (extra !== undefined) throw extraArgument(extra, command)
  // `history ""` (an unset shell variable) names nothing, as if the argument were left out.
  const missing = declared.find((argument, index) => argument.required && (given[index] ?? '').trim() === '')
  if (missing !== undefined) {
    throw new UsageError({ id: `Perintah ${command.name} memerlukan <${missing.name}>`, en: `The ${command.name} command needs <${missing.name}>` }, command.name)
  }
}

function extraArgument(value: string, command: Command | undefined): UsageError {
  if (command === undefined) {
    return new UsageError({ id: `Argumen berlebih: ${value}; help menerima satu nama perintah saja`, en: `Extra argument: ${value}; help takes one command name only` })
  }
  const declared = (command.arguments ?? []).map((argument) => `<${argument.name}>`).join(' ')
  return new UsageError(
    declared === ''
      ? { id: `Argumen berlebih: ${value}; perintah ${command.name} tidak menerima argumen lain`, en: `Extra argument: ${value}; the ${command.name} command takes no other argument` }
      : { id: `Argumen berlebih: ${value}; perintah ${command.name} hanya menerima ${declared}`, en: `Extra argument: ${value}; the ${command.name} command takes only ${declared}` },
    command.name,
  )
}

function languageOption(value: string | undefined, command: string): Language {
  if (value === undefined) return 'id'
  if (!LANGUAGES.includes(value as Language)) throw new UsageError({ id: `Bahasa tidak dikenal: ${value} (pilih id atau en)`, en: `Unknown language: ${value} (choose id or en)` }, command)
  return value as Language
}

function storeSelection(given: ReadonlyMap<GivenName, string | undefined>, command: string): StoreSelection {
  const option = (name: OptionName): string | undefined => {
    const value = given.get(name)
    if (value === '') throw new UsageError({ id: `Opsi --${name} memerlukan nilai`, en: `Option --${name} needs a value` }, command)
    return value
  }
  const db = option('db')
  const postgres = option('postgres')
  if (db !== undefined && postgres !== undefined) {
    throw new UsageError({ id: 'Opsi --db dan --postgres tidak dapat dipakai bersama; pilih satu penyimpanan', en: 'Options --db and --postgres cannot be given together; choose one store' }, command)
  }
  const shorthand = db !== undefined ? '--db' : postgres !== undefined ? '--postgres' : undefined
  for (const older of ['store', 'file'] as const) {
    if (shorthand !== undefined && given.has(older)) {
      throw new UsageError({ id: `Opsi ${shorthand} sudah memilih penyimpanan; jangan gabungkan dengan --${older}`, en: `Option ${shorthand} already chooses the store; do not combine it with --${older}` }, command)
    }
  }
  const store = db !== undefined ? 'sqlite' : postgres !== undefined ? 'postgres' : (option('store') ?? 'sqlite')
  if (!STORE_KINDS.includes(store as StoreKind)) {
    throw new UsageError({ id: `Penyimpanan tidak dikenal: ${store} (pilih memory, sqlite atau postgres)`, en: `Unknown store: ${store} (choose memory, sqlite or postgres)` }, command)
  }
  // A --file next to --store postgres would be silently ignored: refused, so the user is not misled about what was opened.
  if (given.has('file') && store !== 'sqlite') throw onlyFor('--file', { id: '--store sqlite', en: '--store sqlite' }, command)
  if (given.has('schema') && store !== 'postgres') throw onlyFor('--schema', { id: 'PostgreSQL (--postgres atau --store postgres)', en: 'PostgreSQL (--postgres or --store postgres)' }, command)
  if (postgres !== undefined) checkPostgresUrl(postgres, command)
  const file = db ?? option('file') ?? DEFAULT_DEMO_FILE
  const schema = option('schema') ?? DEFAULT_PG_SCHEMA
  const tenant = given.get('tenant')
  if (tenant !== undefined) checkTenant(tenant, command)
  return { store: store as StoreKind, file, schema, tenant, ...(postgres === undefined ? {} : { connectionString: postgres }) }
}

function onlyFor(option: string, store: LocalizedMessage, command: string): UsageError {
  return new UsageError({ id: `Opsi ${option} hanya berlaku untuk ${store.id}`, en: `Option ${option} applies only to ${store.en}` }, command)
}

/** Checked here so the message names --postgres; it never repeats the URL, which may carry a password. */
function checkPostgresUrl(url: string, command: string): void {
  let protocol: string | undefined
  try {
    protocol = new URL(url).protocol
  } catch {
    protocol = undefined
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new UsageError({ id: 'Opsi --postgres memerlukan URL postgres:// atau postgresql://', en: 'Option --postgres needs a postgres:// or postgresql:// URL' }, command)
  }
}

/** The tenant rule is the stores' own (assertIdentifier), applied before anything opens. */
function checkTenant(tenant: string, command: string): void {
  try {
    assertIdentifier('tenant', tenant, 64)
  } catch (error) {
    if (!isKerjasamaError(error)) throw error
    const reason: LocalizedMessage = error.localized
    throw new UsageError({ id: `Nilai --tenant tidak sah: ${reason.id}`, en: `Invalid --tenant value: ${reason.en}` }, command)
  }
}
