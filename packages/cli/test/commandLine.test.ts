import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMANDS, EXIT, EXIT_CODE_MEANINGS, commandHelp, generalHelp, parseCommandLine, runCli } from '../src'

const cliPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), env: {} })
  return { code, out, err }
}

/** A usage error: exit 2, nothing on stdout, one line per language, each pointing to --help. */
async function expectUsageError(argv: string[], en: string, id: string, help = 'kerjasama --help'): Promise<void> {
  const { code, out, err } = await run(argv)
  expect(code, argv.join(' ')).toBe(EXIT.usage)
  expect(out).toEqual([])
  expect(err).toEqual([`CLI_USAGE: ${id}; lihat ${help}`, `CLI_USAGE: ${en}; see ${help}`])
}

describe('the kerjasama command line', () => {
  it('--version prints the version of the package and exits 0', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: [`kerjasama ${cliPackage.version}`], err: [] })
  })

  it('an extra positional argument is refused: `demo verify` runs nothing', async () => {
    await expectUsageError(['demo', 'verify'], 'Extra argument: verify; the demo command takes no other argument', 'Argumen berlebih: verify; perintah demo tidak menerima argumen lain', 'kerjasama demo --help')
    await expectUsageError(['verify', '--store', 'memory', 'again'], 'Extra argument: again; the verify command takes no other argument', 'Argumen berlebih: again; perintah verify tidak menerima argumen lain', 'kerjasama verify --help')
  })

  it('an unknown command or option is one line per language pointing to --help, not the whole help', async () => {
    await expectUsageError(['frobnicate'], 'Unknown command: frobnicate', 'Perintah tidak dikenal: frobnicate')
    await expectUsageError(['demo', '--stor', 'memory'], 'Unknown option: --stor', 'Opsi tidak dikenal: --stor', 'kerjasama demo --help')
    await expectUsageError(['demo', '-x'], 'Unknown option: -x', 'Opsi tidak dikenal: -x', 'kerjasama demo --help')
    await expectUsageError(['demo', '--store', 'oracle'], 'Unknown store: oracle (choose memory, sqlite or postgres)', 'Penyimpanan tidak dikenal: oracle (pilih memory, sqlite atau postgres)', 'kerjasama demo --help')
  })

  it('a missing value, a repeated option, a value for a flag and an option of another store are usage errors', async () => {
    await expectUsageError(['verify', '--file'], 'Option --file needs a value', 'Opsi --file memerlukan nilai', 'kerjasama verify --help')
    await expectUsageError(['verify', '--file', '--store', 'memory'], 'Option --file needs a value', 'Opsi --file memerlukan nilai', 'kerjasama verify --help')
    await expectUsageError(['verify', '--tenant', '33.05', '--tenant', '33.06'], 'Option --tenant is given more than once', 'Opsi --tenant diberikan lebih dari sekali', 'kerjasama verify --help')
    await expectUsageError(['--version=yes'], 'Option --version takes no value', 'Opsi --version tidak menerima nilai')
    await expectUsageError(['verify', '--store', 'postgres', '--file', 'x.db'], 'Option --file applies only to --store sqlite', 'Opsi --file hanya berlaku untuk --store sqlite', 'kerjasama verify --help')
    await expectUsageError(['demo', '--schema', 'x'], 'Option --schema applies only to PostgreSQL (--postgres or --store postgres)', 'Opsi --schema hanya berlaku untuk PostgreSQL (--postgres atau --store postgres)', 'kerjasama demo --help')
    const names = COMMANDS.map((command) => command.name).join(', ')
    await expectUsageError(['--store', 'memory'], `Option --store needs a command (${names})`, `Opsi --store memerlukan perintah (${names})`)
  })

  it('--tenant is held to the stores’ rule before anything opens', async () => {
    const { code, err } = await run(['demo', '--store', 'memory', '--tenant', ''])
    expect(code).toBe(EXIT.usage)
    expect(err[1]).toBe('CLI_USAGE: Invalid --tenant value: Store input refused: tenant is empty; see kerjasama demo --help')
  })

  it('--help prints the whole help and exits 0; `<command> --help` and `help <command>` print that command’s', async () => {
    const general = await run(['--help'])
    expect(general).toEqual({ code: 0, out: [generalHelp(COMMANDS)], err: [] })
    for (const command of COMMANDS) {
      expect(await run([command.name, '--help'])).toEqual({ code: 0, out: [commandHelp(command)], err: [] })
      expect(await run(['help', command.name])).toEqual({ code: 0, out: [commandHelp(command)], err: [] })
    }
    expect((await run([])).out).toEqual([generalHelp(COMMANDS)])
    await expectUsageError(['help', 'frobnicate'], 'Unknown command: frobnicate', 'Perintah tidak dikenal: frobnicate')
  })

  it('the help lists every command, its options and the exit codes', () => {
    const text = generalHelp(COMMANDS)
    for (const command of COMMANDS) expect(text).toContain(`  ${command.name} `)
    for (const { code, meaning } of EXIT_CODE_MEANINGS) expect(text).toContain(`  ${code}  ${meaning.en} (${meaning.id})`)
    expect(commandHelp(COMMANDS.find((command) => command.name === 'verify') ?? COMMANDS[0]!)).toContain('--tenant <code>')
  })

  it('packages/cli/README.md documents the same exit codes as the code', () => {
    const table = readme.split('<!-- exit-codes -->\n')[1]?.split('\n\n')[0] ?? ''
    const rows = table
      .split('\n')
      .slice(2)
      .map((row) => row.split('|').map((cell) => cell.trim()))
    expect(rows.map((cells) => [Number(cells[1]), cells[2]])).toEqual(EXIT_CODE_MEANINGS.map(({ code, meaning }) => [code, meaning.en]))
  })

  it('a coded failure that is not a usage error exits 1', async () => {
    expect(EXIT.failure).toBe(1)
    const { code, err } = await run(['verify', '--file', '/nonexistent-kerjasama-folder/x.db'])
    expect(code).toBe(EXIT.failure)
    expect(err[1]).toMatch(/^STORE_NOT_FOUND: /)
  })
})

describe('kerjasama demo --tenant', () => {
  it('opens the demo store for that tenant: the seed scenario spans several regions, so a region store refuses the agreements it is not party to', async () => {
    const { code, out, err } = await run(['demo', '--store', 'memory', '--tenant', '33.05'])
    expect(out[0]).toBe('Kerjasama demo — penyimpanan/store: memory, daerah/tenant 33.05')
    expect(code).toBe(EXIT.failure)
    expect(err[1]).toMatch(/^AGREEMENT_OUTSIDE_TENANT: The store of region 33\.05 records only agreements region 33\.05 is party to/)
  })
})

describe('choosing the store: --db and --postgres, beside the older --store and --file', () => {
  it('--db is SQLite, --postgres a connection URL with --schema; the older options still work', () => {
    expect(parseCommandLine(['register', '--db', 'kebumen.db'], COMMANDS)).toMatchObject({ kind: 'run', selection: { store: 'sqlite', file: 'kebumen.db' } })
    expect(parseCommandLine(['status', '--postgres', 'postgres://kebumen:rahasia@127.0.0.1/kerjasama', '--schema', 'kebumen'], COMMANDS)).toMatchObject({
      kind: 'run',
      selection: { store: 'postgres', schema: 'kebumen', connectionString: 'postgres://kebumen:rahasia@127.0.0.1/kerjasama' },
    })
    expect(parseCommandLine(['register', '--store', 'sqlite', '--file', 'lama.db'], COMMANDS)).toMatchObject({ kind: 'run', selection: { store: 'sqlite', file: 'lama.db' } })
  })

  it('--db and --postgres together are a usage error, and so is either beside --store or --file', async () => {
    await expectUsageError(['register', '--db', 'a.db', '--postgres', 'postgres://h/db'], 'Options --db and --postgres cannot be given together; choose one store', 'Opsi --db dan --postgres tidak dapat dipakai bersama; pilih satu penyimpanan', 'kerjasama register --help')
    await expectUsageError(['status', '--db', 'a.db', '--store', 'postgres'], 'Option --db already chooses the store; do not combine it with --store', 'Opsi --db sudah memilih penyimpanan; jangan gabungkan dengan --store', 'kerjasama status --help')
    await expectUsageError(['status', '--postgres', 'postgres://h/db', '--file', 'a.db'], 'Option --postgres already chooses the store; do not combine it with --file', 'Opsi --postgres sudah memilih penyimpanan; jangan gabungkan dengan --file', 'kerjasama status --help')
    await expectUsageError(['status', '--db', 'a.db', '--schema', 'kebumen'], 'Option --schema applies only to PostgreSQL (--postgres or --store postgres)', 'Opsi --schema hanya berlaku untuk PostgreSQL (--postgres atau --store postgres)', 'kerjasama status --help')
  })

  it('a --postgres that is no postgres:// URL is a usage error that never repeats it, password and all', async () => {
    for (const url of ['mysql://kebumen:rahasia@h/db', 'kebumen:rahasia@h', 'http://kebumen:rahasia@h/db']) {
      const { code, err } = await run(['status', '--postgres', url])
      expect(code).toBe(EXIT.usage)
      expect(err[1]).toBe('CLI_USAGE: Option --postgres needs a postgres:// or postgresql:// URL; see kerjasama status --help')
      expect(err.join('\n')).not.toContain('rahasia')
    }
  })

  it('every command takes --db, --postgres, --schema, --tenant, --json and --lang, and --help lists them', () => {
    for (const command of COMMANDS) {
      for (const option of ['db', 'postgres', 'schema', 'tenant', 'json', 'lang']) expect(Object.keys(command.options), `${command.name} --${option}`).toContain(option)
      expect(commandHelp(command)).toContain('--db <file>')
    }
  })
})

describe('--lang and --json on a usage error', () => {
  it('--lang en prints the one English line; an unknown --lang is itself a usage error', async () => {
    const { code, out, err } = await run(['register', '--stage', 'signed', '--db', 'a.db', '--postgres', 'postgres://h/db', '--lang', 'en'])
    expect(code).toBe(EXIT.usage)
    expect(out).toEqual([])
    expect(err).toEqual(['CLI_USAGE: Options --db and --postgres cannot be given together; choose one store; see kerjasama register --help'])
    expect((await run(['frobnicate', '--lang=en'])).err).toEqual(['CLI_USAGE: Unknown command: frobnicate; see kerjasama --help'])
    await expectUsageError(['status', '--lang', 'jv'], 'Unknown language: jv (choose id or en)', 'Bahasa tidak dikenal: jv (pilih id atau en)', 'kerjasama status --help')
  })

  it('--json prints the failure as one JSON line with its code and both messages', async () => {
    const { code, err } = await run(['register', '--json', '--stage', 'ditandatangani'])
    expect(code).toBe(EXIT.usage)
    expect(err).toHaveLength(1)
    expect(JSON.parse(err[0] ?? '')).toEqual({
      error: {
        code: 'CLI_USAGE',
        message: {
          id: 'Nilai --stage tidak dikenal: ditandatangani (pilih identified, mapped, coordinated, signed, implemented, evaluated, ended)',
          en: 'Unknown --stage value: ditandatangani (choose identified, mapped, coordinated, signed, implemented, evaluated, ended)',
        },
      },
    })
  })
})

describe('positional arguments', () => {
  it('a command with arguments takes those and no more; --help shows them', async () => {
    await expectUsageError(['history', 'a', 'b'], 'Extra argument: b; the history command takes only <id>', 'Argumen berlebih: b; perintah history hanya menerima <id>', 'kerjasama history --help')
    await expectUsageError(['skip', 'register'], 'The skip command needs <position>', 'Perintah skip memerlukan <position>', 'kerjasama skip --help')
    expect(commandHelp(COMMANDS.find((command) => command.name === 'skip') ?? COMMANDS[0]!)).toMatch(/^kerjasama skip <projection> <position> \[--db <file>\]/)
    expect(generalHelp(COMMANDS)).toContain('  rebuild [projection]')
  })
})
