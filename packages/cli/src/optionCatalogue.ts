/**
 * Every option any command takes, once: its type for the tokenizer and the
 * placeholder its help shows. An option means the same kind of value
 * wherever it appears; what it means there is each command's own help.
 */
export const OPTION_CATALOGUE = {
  db: { type: 'string', placeholder: '<file>' },
  postgres: { type: 'string', placeholder: '<url>' },
  schema: { type: 'string', placeholder: '<name>' },
  store: { type: 'string', placeholder: 'memory|sqlite|postgres' },
  file: { type: 'string', placeholder: '<path>' },
  tenant: { type: 'string', placeholder: '<code>' },
  json: { type: 'boolean', placeholder: '' },
  lang: { type: 'string', placeholder: 'id|en' },
  region: { type: 'string', placeholder: '<code>' },
  urusan: { type: 'string', placeholder: '<code>' },
  stage: { type: 'string', placeholder: '<stage>' },
  days: { type: 'string', placeholder: '<n>' },
  semester: { type: 'string', placeholder: '<YYYY-1|YYYY-2>' },
  format: { type: 'string', placeholder: 'table|csv|json' },
  events: { type: 'boolean', placeholder: '' },
  reason: { type: 'string', placeholder: '<text>' },
  actor: { type: 'string', placeholder: '<id:role[:actsFor]>' },
  port: { type: 'string', placeholder: '<n>' },
  host: { type: 'string', placeholder: '<address>' },
} as const

export type OptionName = keyof typeof OPTION_CATALOGUE

/** What the command line found for one command: a string for a value option, true for a flag. */
export type OptionValues = Readonly<Partial<Record<OptionName, string | true>>>

/** Options that need no command. */
export const GLOBAL_FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

/** What node:util parseArgs is given: every option of the catalogue and the global flags. */
export const PARSER_OPTIONS: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
  ...Object.fromEntries(Object.entries(OPTION_CATALOGUE).map(([name, option]) => [name, { type: option.type }])),
  ...GLOBAL_FLAGS,
}

export function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTION_CATALOGUE, name)
}
