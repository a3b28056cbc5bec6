import { randomBytes } from 'node:crypto'
import { openPostgresAudit, openPostgresStore } from '@kerjasama/store-postgres'
import { isContinuousIntegration, postgresAvailability, probePostgres, skipReason } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyPgFailure } from '../src/pgFailure'
import { event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()
// Only ever this machine; the names below do not exist on it.
const HOST = '127.0.0.1'
const MISSING_ROLE = `kerjasama_no_role_${randomBytes(4).toString('hex')}`
const MISSING_DATABASE = `kerjasama_no_db_${randomBytes(4).toString('hex')}`

async function failure(open: () => Promise<unknown>): Promise<{ code?: unknown; message: string; details?: Record<string, unknown> }> {
  try {
    await open()
  } catch (error) {
    return error as { code?: unknown; message: string; details?: Record<string, unknown> }
  }
  throw new Error('expected the open to fail')
}

/** A server error as pg hands it over: a severity and a SQLSTATE. */
function serverError(code: string): Error {
  return Object.assign(new Error('server text that must not be repeated'), { severity: 'FATAL', code })
}

describe('PostgreSQL failures are sorted by what the caller can do about them', () => {
  const cases: Array<[string, string]> = [
    ['28000', 'STORE_MISCONFIGURED'],
    ['28P01', 'STORE_MISCONFIGURED'],
    ['3D000', 'STORE_MISCONFIGURED'],
    ['42501', 'STORE_MISCONFIGURED'],
    ['08006', 'STORE_UNAVAILABLE'],
    ['57P01', 'STORE_UNAVAILABLE'],
    ['53300', 'STORE_UNAVAILABLE'],
    ['55P03', 'STORE_UNAVAILABLE'],
    ['40P01', 'STORE_UNAVAILABLE'],
    ['XX001', 'STORE_CORRUPT'],
    ['XX000', 'STORE_FAILED'],
    ['42P01', 'STORE_FAILED'],
  ]

  it.each(cases)('SQLSTATE %s is %s; only the transient ones invite a retry, and the server text is never repeated', (sqlstate, code) => {
    const mapped = classifyPgFailure(serverError(sqlstate), 'append', { user: 'kebumen', host: HOST, port: 5432, database: 'kerjasama' })
    expect(mapped.code).toBe(code)
    expect(mapped.message.includes('safe to retry')).toBe(code === 'STORE_UNAVAILABLE')
    expect(mapped.message).not.toContain('server text')
  })

  // Under the test server's trust authentication no password is ever asked
  // for, so a wrong password cannot be produced live; the mapping of the
  // SQLSTATE the server would send (28P01) is checked here instead.
  it('a rejected password (28P01) names the role and what to set, never a password', () => {
    const mapped = classifyPgFailure(serverError('28P01'), 'open', { user: 'kebumen', host: HOST, port: 5432, database: 'kerjasama' })
    expect(mapped.localized.en).toContain('rejected the password for role "kebumen"')
    expect(mapped.localized.en).toContain('PGPASSWORD')
    expect(mapped.localized.id).toContain('kata sandi untuk peran "kebumen"')
  })

  it('a refused connection is transient, an unknown host name is configuration', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const unknownHost = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    expect(classifyPgFailure(refused, 'open')).toMatchObject({ code: 'STORE_UNAVAILABLE', cause: { code: 'ECONNREFUSED' } })
    expect(classifyPgFailure(serverError('57P01'), 'open')).toMatchObject({ code: 'STORE_UNAVAILABLE', cause: { sqlstate: '57P01' } })
    expect(classifyPgFailure(unknownHost, 'open', { user: undefined, host: 'nohost.invalid', port: 5432, database: undefined }).code).toBe('STORE_MISCONFIGURED')
  })
})

describe('opening with a bad connection string, before any connection', () => {
  for (const connectionString of ['not a url', 'postgres://u:secret-pass@[::1', 'http://127.0.0.1/kerjasama', 'postgres://127.0.0.1:99999/kerjasama']) {
    it(`"${connectionString.replace('secret-pass', '…')}" is STORE_MISCONFIGURED without repeating the string`, async () => {
      const refused = await failure(() => openPostgresStore({ connectionString, schema: 'kerjasama_never' }))
      expect(refused).toMatchObject({ code: 'STORE_MISCONFIGURED', details: { cause: 'ERR_INVALID_URL', field: 'connectionString' } })
      expect(refused.message).not.toContain('secret-pass')
      expect(refused.message).not.toContain(connectionString)
    })
  }
})

describe('the skip line of the PostgreSQL tests', () => {
  it('says the server answered and refused the role for 28000, not that no server was reachable', () => {
    const reason = skipReason(serverError('28000'), { user: 'ci_runner', host: HOST, port: 5432, database: 'kerjasama_test' })
    expect(reason).toContain('answered but refused role "ci_runner"')
    expect(reason).toContain('28000')
    expect(reason).not.toContain('no PostgreSQL server answered')
  })

  it('says no server answered only when none did', () => {
    const reason = skipReason(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), { user: 'postgres', host: HOST, port: 1, database: 'x' })
    expect(reason).toBe('PostgreSQL tests skipped: no PostgreSQL server answered at 127.0.0.1:1 (ECONNREFUSED); set DATABASE_URL or PGHOST/PGPORT/PGUSER/PGDATABASE')
  })

  it('CI=true, 1 or any value but false/0 makes PostgreSQL required', () => {
    expect(isContinuousIntegration({ CI: 'true' })).toBe(true)
    expect(isContinuousIntegration({ CI: '1' })).toBe(true)
    expect(isContinuousIntegration({ CI: 'false' })).toBe(false)
    expect(isContinuousIntegration({ CI: '' })).toBe(false)
    expect(isContinuousIntegration({})).toBe(false)
  })

  it.runIf(postgres.available)('a live probe with a role the server does not have reports the refusal (28000)', async () => {
    const probed = await probePostgres({ host: HOST, user: MISSING_ROLE, database: 'postgres' })
    expect(probed).toEqual({ available: false, reason: expect.stringContaining(`answered but refused role "${MISSING_ROLE}" (SQLSTATE 28000)`) })
  })
})

describe.skipIf(!postgres.available)('PostgreSQL opens that cannot work', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('a role the server does not have (28000) is STORE_MISCONFIGURED naming the role, host and what to set', async () => {
    const refused = await failure(() => openPostgresStore({ connectionString: `postgres://${MISSING_ROLE}@${HOST}:5432/postgres`, schema: 'kerjasama_never' }))
    expect(refused).toMatchObject({ code: 'STORE_MISCONFIGURED', details: { cause: 'SQLSTATE 28000' } })
    expect(refused.message).toContain(`the PostgreSQL server at ${HOST}:5432 answered but refused role "${MISSING_ROLE}"`)
    expect(refused.message).toContain('PGUSER')
    expect(refused.message).not.toContain('safe to retry')
  })

  it('a database that does not exist (3D000) is STORE_MISCONFIGURED naming the database', async () => {
    const refused = await failure(() => openPostgresStore({ connectionString: `postgres://postgres@${HOST}:5432/${MISSING_DATABASE}`, schema: 'kerjasama_never' }))
    expect(refused).toMatchObject({ code: 'STORE_MISCONFIGURED', details: { cause: 'SQLSTATE 3D000' } })
    expect(refused.message).toContain(`database "${MISSING_DATABASE}" does not exist`)
  })

  it('a host name that does not resolve is STORE_MISCONFIGURED naming the host, not an outage', async () => {
    // .invalid never resolves (RFC 2606); the resolver answers NXDOMAIN and no connection is attempted.
    const refused = await failure(() => openPostgresStore({ connectionString: 'postgres://postgres@nohost.invalid:5432/kerjasama_test', schema: 'kerjasama_never' }))
    expect(refused).toMatchObject({ code: 'STORE_MISCONFIGURED', details: { cause: 'ENOTFOUND' } })
    expect(refused.message).toContain('"nohost.invalid" is not known')
  })

  it('a read-only open of a missing schema is STORE_NOT_FOUND naming it, and creates neither schema nor role', async () => {
    const { pool } = stores.schema()
    const missing = `kerjasama_missing_${randomBytes(4).toString('hex')}`
    for (const open of [() => openPostgresStore({ pool, schema: missing, readOnly: true }), () => openPostgresAudit({ pool, schema: missing })]) {
      const refused = await failure(open)
      expect(refused).toMatchObject({ code: 'STORE_NOT_FOUND', details: { schema: missing } })
      expect(refused.message).toContain(missing)
    }
    expect((await pool.query('select 1 from pg_namespace where nspname = $1', [missing])).rowCount).toBe(0)
    expect((await pool.query('select 1 from pg_roles where rolname = $1', [`${missing}_app`])).rowCount).toBe(0)
  })

  it('a read-only store reads and verifies, refuses append and read-model transactions, and changes nothing', async () => {
    const writer = await stores.open({ tenant: '33.05' })
    await writer.append('agreement-read-only', [event('Started'), event('Mapped')], { expectedVersion: 'none' })
    const { pool, schema } = stores.schema()
    const reader = await openPostgresStore({ pool, schema, tenant: '33.05', readOnly: true })
    try {
      expect(await reader.verify()).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 2 })
      await expect(reader.append('agreement-read-only', [event('Late')], { expectedVersion: 2 })).rejects.toMatchObject({ code: 'STORE_READ_ONLY' })
      await expect(reader.readModels.transaction('register', async () => undefined)).rejects.toMatchObject({ code: 'STORE_READ_ONLY' })
    } finally {
      await reader.close()
    }
    expect((await pool.query(`select count(*)::int as n from "${schema}".events`)).rows[0]).toEqual({ n: 2 })
  })

  it('the audit lists every tenant of the schema and verifies each, finding an edited row in one of them', async () => {
    const kebumen = await stores.open({ tenant: '33.05' })
    const purworejo = await stores.open({ tenant: '33.06' })
    await kebumen.append('agreement-audit', [event('Started'), event('Mapped')], { expectedVersion: 'none' })
    await purworejo.append('agreement-audit', [event('Started')], { expectedVersion: 'none' })
    const { pool, schema } = stores.schema()
    await pool.query(`update "${schema}".events set data = '{"tampered":1}' where tenant = '33.05' and stream_id = 'agreement-audit' and version = 2`)
    const audit = await openPostgresAudit({ pool, schema })
    try {
      expect(await audit.tenants()).toEqual(['33.05', '33.06'])
      const kebumenReport = await audit.verifyTenant('33.05')
      expect(kebumenReport.ok).toBe(false)
      expect(kebumenReport.problems).toContainEqual({ tenant: '33.05', streamId: 'agreement-audit', version: 2, problem: 'hash-mismatch' })
      expect(await audit.verifyTenant('33.06')).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 1 })
    } finally {
      await audit.close()
    }
  })
})
