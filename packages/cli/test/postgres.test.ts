import { describe, expect, it } from 'vitest'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { EXIT } from '../src'
import { builtInVersion } from './support/kebumenStore'
import { kerjasama } from './support/runKerjasama'

// Without a reachable server this prints one line saying why these tests are not run (and fails instead when CI is set).
const postgres = await postgresAvailability()

/** The server the tests use, as the URL --postgres takes. */
function serverUrl(): string {
  const env = process.env
  return env.DATABASE_URL ?? `postgres://${env.PGUSER ?? 'postgres'}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? 'kerjasama_test'}`
}

describe.runIf(postgres.available)('the read commands on PostgreSQL', () => {
  it('register and status read the demo’s schema read-only, through --postgres or the older --store postgres', async () => {
    const test = createTestSchema({ poolSize: 1 })
    try {
      expect((await kerjasama(['demo', '--postgres', serverUrl(), '--schema', test.schema, '--json'])).code).toBe(EXIT.ok)
      const snapshot = async (): Promise<unknown[]> => {
        const rows = []
        for (const table of ['events', 'documents', 'checkpoints', 'leases']) rows.push((await test.pool.query(`select * from "${test.schema}"."${table}" order by 1, 2`)).rows)
        rows.push((await test.pool.query('select tablename from pg_tables where schemaname = $1 order by 1', [test.schema])).rows)
        return rows
      }
      const before = await snapshot()

      const register = await kerjasama(['register', '--postgres', serverUrl(), '--schema', test.schema, '--json'])
      expect(register.err).toEqual([])
      expect(register.code).toBe(EXIT.ok)
      expect((JSON.parse(register.out.join('\n')) as unknown[]).length).toBe(5)

      const status = await kerjasama(['status', '--store', 'postgres', '--schema', test.schema, '--lang', 'en'], { env: { DATABASE_URL: serverUrl() } })
      expect(status.code).toBe(EXIT.ok)
      expect(status.out[0]).toBe(`Projections: postgres, schema ${test.schema}, tenant default`)
      expect(status.out).toContainEqual(expect.stringMatching(new RegExp(`^register +caught-up +${builtInVersion('register')} +(\\d+) +\\1 +0 +— +—$`)))

      // Read-only: no table, event, document, checkpoint or lease was written.
      expect(await snapshot()).toEqual(before)
      expect(register.out.join('\n')).not.toContain('postgres://')
    } finally {
      await test.cleanup()
    }
  })

  it('a schema that does not exist is STORE_NOT_FOUND naming it, and is not created', async () => {
    const test = createTestSchema({ poolSize: 1 })
    try {
      for (const command of [['register'], ['status'], ['rebuild']]) {
        const { code, err } = await kerjasama([...command, '--postgres', serverUrl(), '--schema', test.schema])
        expect(code, command.join(' ')).toBe(EXIT.failure)
        expect(err[1], command.join(' ')).toMatch(new RegExp(`^STORE_NOT_FOUND: Schema ${test.schema} in database \\S+ does not exist; nothing was created`))
      }
      expect((await test.pool.query('select 1 from pg_namespace where nspname = $1', [test.schema])).rowCount).toBe(0)
    } finally {
      await test.cleanup()
    }
  })
})
