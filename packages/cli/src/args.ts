import { KerjasamaError } from '@kerjasama/core'

export type StoreKind = 'memory' | 'sqlite' | 'postgres'
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres']

export type CliArgs = {
  command: 'demo' | 'verify' | 'help'
  store: StoreKind
  /** SQLite file; the demo recreates it only if the demo owns it (see demoFile.ts), verify only reads it. */
  file: string
  /** PostgreSQL schema. */
  schema: string
}

export const DEFAULT_DEMO_FILE = './kerjasama-demo.db'
export const DEFAULT_PG_SCHEMA = 'kerjasama_demo'

export class UsageError extends KerjasamaError {
  constructor(reason: { id: string; en: string }) {
    super('CLI_USAGE', reason)
  }
}

export const USAGE = `kerjasama <command> [options]

Commands / Perintah:
  demo     run the Central Java seed scenario (menjalankan skenario Jawa Tengah 2022)
  verify   check the hash chain of every stream (memeriksa rantai hash setiap aliran)

Options / Opsi:
  --store memory|sqlite|postgres   default: sqlite
  --file <path>                    SQLite file (default ${DEFAULT_DEMO_FILE})
  --schema <name>                  PostgreSQL schema (default ${DEFAULT_PG_SCHEMA}); connection from DATABASE_URL or PG* variables

The demo recreates its SQLite file on every run, but only a file it owns: the
default file, a path that does not exist yet, or a file an earlier demo run made
and nothing has changed since (recorded in <file>.kerjasama-demo.json). Any other
existing file is refused with CLI_DEMO_FILE_EXISTS and left untouched. The demo
prints the file's absolute path. On PostgreSQL the demo never deletes anything:
each run adds its five agreements (with fresh ids) to the schema.
(Demo hanya membuat ulang berkas SQLite miliknya: berkas bawaan, path yang belum
ada, atau berkas buatan demo sebelumnya yang belum diubah; berkas lain ditolak
dan tidak disentuh. Di PostgreSQL demo tidak menghapus apa pun.)
`

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', store: 'sqlite', file: DEFAULT_DEMO_FILE, schema: DEFAULT_PG_SCHEMA }
  const rest = argv.filter((arg) => arg !== '--')
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = (): string => {
      if (inlineValue !== undefined) return inlineValue
      index += 1
      const next = rest[index]
      if (next === undefined) throw new UsageError({ id: `Opsi ${flag} memerlukan nilai`, en: `Option ${flag} needs a value` })
      return next
    }
    if (flag === '--store') {
      const kind = value()
      if (!STORE_KINDS.includes(kind as StoreKind)) {
        throw new UsageError({ id: `Penyimpanan tidak dikenal: ${kind} (pilih memory, sqlite, postgres)`, en: `Unknown store: ${kind} (choose memory, sqlite, postgres)` })
      }
      args.store = kind as StoreKind
    } else if (flag === '--file') args.file = value()
    else if (flag === '--schema') args.schema = value()
    else if (flag === '--help' || flag === '-h' || flag === 'help') args.command = 'help'
    else if (flag === 'demo' || flag === 'verify') args.command = flag
    else throw new UsageError({ id: `Argumen tidak dikenal: ${arg}`, en: `Unknown argument: ${arg}` })
  }
  return args
}
