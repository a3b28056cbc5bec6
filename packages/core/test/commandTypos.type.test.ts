import { describe, expect, expectTypeOf, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { parseAgreementCommand } from '../src/agreement'
import type { AgreementCommand, AgreementCommandInput, Role } from '../src/agreement'
import { isRefusal } from '../src/errors'
import { createAgreementService } from '../src/handler'
import type { Actor } from '../src/store'
import { testClock } from '../src/testing'

// Item 11: a misspelt command type, field or role does not compile under
// strict tsc. Each `@ts-expect-error` below fails `pnpm typecheck` ("unused
// directive") the day the typo compiles again; at run time execute still
// refuses the very same typos, for callers that bypass the types.

const service = createAgreementService({ store: openMemoryStore(), clock: testClock() })
const opd: Actor = { id: 'opd-1', role: 'opd', actsFor: '33.05' }

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  } catch (error) {
    if (isRefusal(error)) return error.code
    throw error
  }
  return 'ACCEPTED'
}

describe('typos do not compile, and are refused at run time all the same', () => {
  it('a misspelt command type', async () => {
    // @ts-expect-error 'MapAfairs' is no command type
    expect(await codeOf(() => service.execute({ type: 'MapAfairs', agreementId: 'a' }, { actor: opd }))).toBe('VALIDATION_FAILED')
  })

  it('a misspelt field', async () => {
    // @ts-expect-error 'reasn' is no field of Extend
    expect(await codeOf(() => service.execute({ type: 'Extend', agreementId: 'a', reasn: 'Monev merekomendasikan' }, { actor: opd }))).toBe('VALIDATION_FAILED')
    // @ts-expect-error 'regionKode' is no field of a partner
    const partners = [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionKode: '33.06' }] satisfies AgreementCommandInput extends infer C ? (C extends { type: 'IdentifyCooperation' } ? C['partners'] : never) : never
    expect(partners).toHaveLength(1)
  })

  it('a misspelt role, and the old spelling kepala_daerah', async () => {
    const command: AgreementCommandInput = { type: 'Expire', agreementId: 'a' }
    // @ts-expect-error 'kepala_daerah' is spelt 'kepala-daerah'
    expect(await codeOf(() => service.execute(command, { actor: { id: 'bupati', role: 'kepala_daerah', actsFor: '33.05' } }))).toBe('VALIDATION_FAILED')
    // @ts-expect-error 'tksd' is no role
    const misspelt: Role = 'tksd'
    expect(misspelt).toBe('tksd')
  })

  it('an actor that does not say whom it acts for', async () => {
    const command: AgreementCommandInput = { type: 'Expire', agreementId: 'a' }
    // @ts-expect-error actsFor is required
    expect(await codeOf(() => service.execute(command, { actor: { id: 'opd-1', role: 'opd' } }))).toBe('VALIDATION_FAILED')
  })

  it('a signer capacity in the old underscore spelling', async () => {
    const sign: AgreementCommandInput = {
      type: 'SignKesepakatanBersama',
      agreementId: 'a',
      partyId: '33.05',
      // @ts-expect-error capacities are spelt like the roles: 'kepala-daerah'
      signer: { name: 'Bupati', office: 'Bupati Kebumen', capacity: 'kepala_daerah', inPerson: true },
    }
    expect(await codeOf(() => service.execute(sign, { actor: { ...opd, role: 'kepala-daerah' } }))).toBe('VALIDATION_FAILED')
  })

  it('untyped input goes through parseAgreementCommand, which returns what execute takes', () => {
    expectTypeOf(parseAgreementCommand).parameter(0).toEqualTypeOf<unknown>()
    expectTypeOf(parseAgreementCommand).returns.toEqualTypeOf<AgreementCommand>()
    expectTypeOf<AgreementCommand>().toExtend<AgreementCommandInput>()
    expectTypeOf(service.execute).parameter(0).toEqualTypeOf<AgreementCommandInput>()
    expect(() => parseAgreementCommand({ type: 'MapAfairs' })).toThrowError(/MapAffairs/)
  })
})
