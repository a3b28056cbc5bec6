import { parseArgs } from 'node:util'
import { isKerjasamaError } from '@kerjasama/core'
import type { LocalizedMessage } from '@kerjasama/core'
import { assertIdentifier } from '@kerjasama/core/adapter'
import type { Command } from './command'
import { DEFAULT_DEMO_FILE, DEFAULT_PG_SCHEMA, STORE_KINDS } from './storeOptions'
import type { StoreKind, StoreOptionName, StoreSelection } from './storeOptions'
import { UsageError } from './usageError'

export type CommandLine =
  | { kind: 'help'; command: Command | undefined }
  | { kind: 'version' }
  | { kind: 'run'; command: Command; selection: StoreSelection }

/** Every option any command takes, for the tokenizer: an option's type is the same wherever it appears. */
const PARSER_OPTIONS = {
  store: { type: 'string' },
  file: { type: 'string' },
  schema: { type: 'string' },
  tenant: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

type OptionName = keyof typeof PARSER_OPTIONS
const GLOBAL_OPTIONS: readonly OptionName[] = ['help', 'version']

/**
 * Reads argv with node:util parseArgs in token mode, then checks the tokens
 * against the command's own option list, so every mistake gets a message in
 * both languages that names the offending word (parseArgs' strict mode
 * would answer in English only, with advice about `--`).
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  // pnpm passes a lone `--` through (`pnpm demo -- --store memory`). No
  // command takes an argument that starts with a dash, so it is dropped.
  const args = argv.filter((arg) => arg !== '--')
  const { tokens } = parseArgs({ args, options: PARSER_OPTIONS, strict: false, allowPositionals: true, tokens: true })
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []))
  const [first, ...rest] = positionals
  const asksHelp = first === 'help'
  const command = first === undefined || asksHelp ? undefined : findCommand(commands, first)

  const given = new Map<OptionName, string | undefined>()
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const raw = token.rawName
    if (!(token.name in PARSER_OPTIONS)) throw new UsageError({ id: `Opsi tidak dikenal: ${raw}`, en: `Unknown option: ${raw}` }, command?.name)
    const name = token.name as OptionName
    if (!GLOBAL_OPTIONS.includes(name)) {
      if (command === undefined) throw noCommand(commands, raw)
      if (!(name in command.options)) {
        throw new UsageError({ id: `Opsi ${raw} tidak berlaku untuk perintah ${command.name}`, en: `Option ${raw} does not apply to the ${command.name} command` }, command.name)
      }
    }
    if (given.has(name)) throw new UsageError({ id: `Opsi ${raw} diberikan lebih dari sekali`, en: `Option ${raw} is given more than once` }, command?.name)
    if (PARSER_OPTIONS[name].type === 'boolean') {
      if (token.value !== undefined) throw new UsageError({ id: `Opsi ${raw} tidak menerima nilai`, en: `Option ${raw} takes no value` }, command?.name)
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
      // `--file --store memory` would otherwise make "--store" the file name.
      throw new UsageError({ id: `Opsi ${raw} memerlukan nilai`, en: `Option ${raw} needs a value` }, command?.name)
    }
    given.set(name, token.value)
  }

  if (asksHelp) {
    const [topic, extra] = rest
    if (extra !== undefined) throw extraArgument(extra, 'help')
    return { kind: 'help', command: topic === undefined ? undefined : findCommand(commands, topic) }
  }
  const extra = rest[0]
  if (extra !== undefined) throw extraArgument(extra, command?.name ?? 'kerjasama')
  if (given.has('help')) return { kind: 'help', command }
  if (given.has('version')) return { kind: 'version' }
  if (command === undefined) return { kind: 'help', command: undefined }
  return { kind: 'run', command, selection: storeSelection(given as Map<StoreOptionName, string>, command.name) }
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

function extraArgument(value: string, command: string): UsageError {
  return new UsageError(
    command === 'help'
      ? { id: `Argumen berlebih: ${value}; help menerima satu nama perintah saja`, en: `Extra argument: ${value}; help takes one command name only` }
      : { id: `Argumen berlebih: ${value}; perintah ${command} tidak menerima argumen lain`, en: `Extra argument: ${value}; the ${command} command takes no other argument` },
    command === 'help' ? undefined : command,
  )
}

function storeSelection(given: ReadonlyMap<StoreOptionName, string>, command: string): StoreSelection {
  const store = given.get('store') ?? 'sqlite'
  if (!STORE_KINDS.includes(store as StoreKind)) {
    throw new UsageError({ id: `Penyimpanan tidak dikenal: ${store} (pilih memory, sqlite atau postgres)`, en: `Unknown store: ${store} (choose memory, sqlite or postgres)` }, command)
  }
  // A --file next to --store postgres would be silently ignored: refused, so the user is not misled about what was opened.
  if (given.has('file') && store !== 'sqlite') throw onlyFor('--file', 'sqlite', command)
  if (given.has('schema') && store !== 'postgres') throw onlyFor('--schema', 'postgres', command)
  const file = given.get('file') ?? DEFAULT_DEMO_FILE
  const schema = given.get('schema') ?? DEFAULT_PG_SCHEMA
  if (file === '') throw new UsageError({ id: 'Opsi --file memerlukan nilai', en: 'Option --file needs a value' }, command)
  if (schema === '') throw new UsageError({ id: 'Opsi --schema memerlukan nilai', en: 'Option --schema needs a value' }, command)
  const tenant = given.get('tenant')
  if (tenant !== undefined) checkTenant(tenant, command)
  return { store: store as StoreKind, file, schema, tenant }
}

function onlyFor(option: string, store: StoreKind, command: string): UsageError {
  return new UsageError({ id: `Opsi ${option} hanya berlaku untuk --store ${store}`, en: `Option ${option} applies only to --store ${store}` }, command)
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
