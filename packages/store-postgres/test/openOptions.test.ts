import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KerjasamaError } from '@kerjasama/core'
import { openPostgresReadModelStore, openPostgresStore } from '@kerjasama/store-postgres'

// Nothing listens on port 1: an option that reached the connection step would
// fail with STORE_UNAVAILABLE instead, so these tests need no server and prove
// that every option is checked before a pool is created.
const UNREACHABLE = 'postgres://postgres@127.0.0.1:1/none'

async function failure(open: () => Promise<unknown>): Promise<{ code: string; field: unknown } | undefined> {
  try {
    await open()
  } catch (error) {
    return error instanceof KerjasamaError ? { code: error.code, field: error.details.field } : { code: 'not coded', field: undefined }
  }
  return undefined
}

describe('PostgreSQL open options are checked before connecting', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['schema', { schema: 'Drop Table' }],
    ['pool', { pool: { query: () => undefined } }],
    ['connectionString', { connectionString: 42 }],
    ['poolSize', { poolSize: 0 }],
    ['maxEventBytes', { maxEventBytes: -1 }],
    ['notify', { notify: 'yes' }],
    ['settleTimeoutMs', { settleTimeoutMs: 1.5 }],
    ['tenant', { tenant: '' }],
    ['readTenants', { readTenants: 'all' }],
  ]

  it.each(cases)('a bad %s is refused with STORE_INPUT_INVALID naming the field, without a connection attempt', async (field, options) => {
    const refused = await failure(() => openPostgresStore({ connectionString: UNREACHABLE, ...options }))
    expect(refused?.code).toBe('STORE_INPUT_INVALID')
    expect(String(refused?.field)).toContain(field === 'readTenants' ? 'readTenants' : field)
  })

  it('the read-model opener checks the same options', async () => {
    expect((await failure(() => openPostgresReadModelStore({ connectionString: UNREACHABLE, poolSize: -3 })))?.code).toBe('STORE_INPUT_INVALID')
    expect((await failure(() => openPostgresReadModelStore({ connectionString: UNREACHABLE, tenant: 'a\u0000b' })))?.code).toBe('STORE_INPUT_INVALID')
  })

  it('any value other than a whole number in range is refused for the numeric options; a good one goes on to connect', async () => {
    const notAWholeNumber = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.bigInt(), fc.integer({ max: 0 })).filter((value) => !(Number.isSafeInteger(value) && (value as number) >= 1))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('poolSize', 'maxEventBytes'), notAWholeNumber, async (field, value) => {
        const refused = await failure(() => openPostgresStore({ connectionString: UNREACHABLE, [field]: value }))
        expect(refused).toEqual({ code: 'STORE_INPUT_INVALID', field })
      }),
      { numRuns: 200 },
    )
    const unreachable = await failure(() => openPostgresStore({ connectionString: UNREACHABLE, poolSize: 1, maxEventBytes: 1024, settleTimeoutMs: 0, notify: false }))
    expect(unreachable?.code).toBe('STORE_UNAVAILABLE')
  })
})
