import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import type { TestSchema } from '@kerjasama/store-postgres/testing'
import { COMMANDS, EXIT_CODE_MEANINGS } from '../src'
import { wordingFor } from '../src/language'
import { progressLine } from '../src/progressReport'
import { kebumenFile } from './support/kebumenStore'
import { kerjasama } from './support/runKerjasama'

const doc = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8')
const postgres = await postgresAvailability()

/** The options every command takes; the page lists them once, in "Options every command takes". */
const COMMON_OPTIONS = ['db', 'postgres', 'schema', 'tenant', 'json', 'lang', 'store', 'file']

type Example = { line: string; argv: string[]; exitCode: number; output: string[] | undefined; postgres: boolean }

/** Splits a command line as a shell would for these examples: words, and "double" or 'single' quoted words. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '')
}

/**
 * Every `kerjasama …` line of the page's sh blocks, in order. A trailing
 * `# exit N` is the exit code expected (0 otherwise), a `> file` is dropped
 * (the output is checked, not written), and a text block right after a
 * block of one command is that command's stdout.
 */
function examples(markdown: string): Example[] {
  const found: Example[] = []
  const blocks = [...markdown.matchAll(/```(\w+)( postgres)?\n([\s\S]*?)```/g)].map((match) => ({ kind: match[1], postgres: match[2] !== undefined, body: match[3] ?? '', end: (match.index ?? 0) + match[0].length, start: match.index ?? 0 }))
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'sh') continue
    const lines = block.body.split('\n').filter((line) => line.startsWith('kerjasama '))
    const next = blocks[index + 1]
    const output = lines.length === 1 && next?.kind === 'text' && markdown.slice(block.end, next.start).trim() === '' ? next.body.replace(/\n$/, '').split('\n') : undefined
    for (const line of lines) {
      const exit = /\s+#\s*exit\s+(\d+)\s*$/.exec(line)
      const command = line.replace(/\s+#.*$/, '').replace(/\s+>\s+\S+$/, '')
      found.push({ line, argv: shellWords(command).slice(1), exitCode: exit === null ? 0 : Number(exit[1]), output, postgres: block.postgres })
    }
  }
  return found
}

/** A section of the page, from its heading to the next of the same level. */
function section(heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`)
  expect(start, heading).toBeGreaterThanOrEqual(0)
  const end = doc.indexOf('\n## ', start + heading.length + 1)
  return doc.slice(start, end < 0 ? undefined : end)
}

const stopped = (): AbortSignal => AbortSignal.abort()

describe('docs/cli.md', () => {
  let directory: string
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'kerjasama-doc-'))
    await kebumenFile(join(directory, 'kebumen.db'))
  })
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  /** File names become files in the test's directory; a port becomes 0 (any free one), and serve stops as soon as it has started. */
  const onSqlite = (argv: string[]): string[] => argv.map((arg, index) => (arg.endsWith('.db') ? join(directory, arg) : argv[index - 1] === '--port' ? '0' : arg))

  it('every example runs with the exit code it shows, and prints the output shown under it', async () => {
    const sqliteExamples = examples(doc).filter((example) => !example.postgres)
    expect(sqliteExamples.length).toBeGreaterThan(20)
    for (const example of sqliteExamples) {
      const { code, out, err } = await kerjasama(onSqlite(example.argv), { columns: 80, stop: stopped() })
      expect(code, `${example.line}\n${err.join('\n')}`).toBe(example.exitCode)
      if (example.output !== undefined) expect(out, example.line).toEqual(example.output)
    }
  })

  it.runIf(postgres.available)('the PostgreSQL examples run on a schema of their own', async () => {
    const test: TestSchema = createTestSchema({ poolSize: 1 })
    const env = process.env
    const url = env.DATABASE_URL ?? `postgres://${env.PGUSER ?? 'postgres'}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? 'kerjasama_test'}`
    try {
      const postgresExamples = examples(doc).filter((example) => example.postgres)
      expect(postgresExamples.length).toBeGreaterThan(0)
      for (const example of postgresExamples) {
        const argv = example.argv.map((arg, index) => (example.argv[index - 1] === '--postgres' ? url : example.argv[index - 1] === '--schema' ? test.schema : arg))
        const { code, err } = await kerjasama(argv)
        expect(code, `${example.line}\n${err.join('\n')}`).toBe(example.exitCode)
      }
    } finally {
      await test.cleanup()
    }
  }, 60_000)

  it('lists every command in its table, in the order of the command table, and has an example of each', () => {
    const rows = [...section('## Commands').matchAll(/^\| \[`([\w-]+)`\]\(#kerjasama-([\w-]+)\) \|/gm)]
    expect(rows.map((row) => row[1])).toEqual(COMMANDS.map((command) => command.name))
    expect(rows.every((row) => row[1] === row[2])).toBe(true)
    const exercised = new Set(examples(doc).map((example) => example.argv[0]))
    for (const command of COMMANDS) expect(exercised, command.name).toContain(command.name)
  })

  it('documents every option and argument of every command', () => {
    const common = section('## Options every command takes')
    for (const option of COMMON_OPTIONS) expect(common, option).toContain(`\`--${option}`)
    for (const command of COMMANDS) {
      const own = section(`## \`kerjasama ${command.name}\``)
      for (const option of Object.keys(command.options)) {
        if (COMMON_OPTIONS.includes(option)) continue
        expect(own, `${command.name} --${option}`).toContain(`--${option}`)
      }
      for (const argument of command.arguments ?? []) expect(own, `${command.name} ${argument.name}`).toContain(argument.required ? `<${argument.name}>` : `[${argument.name}]`)
    }
  })

  it('lists the exit codes as the CLI defines them', () => {
    const table = doc.split('<!-- exit-codes -->\n')[1]?.split('\n\n')[0] ?? ''
    const rows = table
      .split('\n')
      .slice(2)
      .map((row) => row.split('|').map((cell) => cell.trim()))
    expect(rows.map((cells) => [Number(cells[1]), cells[2]])).toEqual(EXIT_CODE_MEANINGS.map(({ code, meaning }) => [code, meaning.en]))
  })

  it('shows the plain progress line as rebuild prints it', () => {
    const shown = doc.split('<!-- progress-line -->\n```text\n')[1]?.split('\n')[0]
    const printed = progressLine({ projection: 'register', build: { version: 1, generation: 1 }, rebuilding: true, done: 1500, total: 3000, checkpoint: 1500n, ratePerSecond: 250, etaMs: 6000 }, wordingFor('en'))
    expect(shown).toBe(printed)
    const indonesian = progressLine({ projection: 'register', build: { version: 1, generation: 1 }, rebuilding: true, done: 1500, total: 3000, checkpoint: 1500n, ratePerSecond: 250, etaMs: 6000 }, wordingFor('id'))
    expect(doc.replace(/\s+/g, ' ')).toContain(`(In Indonesian: \`${indonesian}\`.)`)
  })
})
