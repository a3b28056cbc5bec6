import { describe, expect, it } from 'vitest'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { EXIT } from '../src'
import { kerjasama } from './support/runKerjasama'

const postgres = await postgresAvailability()

function serverUrl(user?: string): string {
  const env = process.env
  const url = new URL(env.DATABASE_URL ?? `postgres://${env.PGUSER ?? 'postgres'}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? 'kerjasama_test'}`)
  if (user !== undefined) {
    url.username = user
    url.password = ''
  }
  return url.toString()
}

describe.runIf(postgres.available)('the read commands as the application’s role, which row-level security restricts', () => {
  it('a tenant with no events still gets its (empty) answer: the notice cannot list the other tenants, so it names only the one asked for', async () => {
    const test = createTestSchema({ poolSize: 1 })
    const reader = `${test.schema}_reader`
    try {
      expect((await kerjasama(['demo', '--postgres', serverUrl(), '--schema', test.schema, '--json'])).code).toBe(EXIT.ok)
      // A reporting login that is not the schema's owner: it may read the tables and act as <schema>_app, so row-level security applies to it.
      await test.pool.query(`create role "${reader}" login`)
      await test.pool.query(`grant usage on schema "${test.schema}" to "${reader}"`)
      await test.pool.query(`grant select on all tables in schema "${test.schema}" to "${reader}"`)
      await test.pool.query(`grant "${test.schema}_app" to "${reader}"`)
      const asReader = ['--postgres', serverUrl(reader), '--schema', test.schema, '--tenant', '33.05', '--lang', 'en']
      const register = await kerjasama(['register', ...asReader])
      expect(register.err).toEqual(['Tenant 33.05 has no events in this store (check --tenant)'])
      expect(register.code).toBe(EXIT.ok)
      expect(register.out[0]).toBe('Agreement register (0)')
      const status = await kerjasama(['status', ...asReader])
      expect(status.code).toBe(EXIT.ok)
      expect(status.err).toEqual(['Tenant 33.05 has no events in this store (check --tenant)'])
      // Its own tenant it reads as the owner does.
      expect((await kerjasama(['register', '--postgres', serverUrl(reader), '--schema', test.schema])).out[0]).toBe('Register kerja sama / Agreement register (5)')
    } finally {
      await test.pool.query(`drop owned by "${reader}"`).catch(() => undefined)
      await test.pool.query(`drop role if exists "${reader}"`)
      await test.cleanup()
    }
  })
})
