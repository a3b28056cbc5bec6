import { describe, expectTypeOf, it } from 'vitest'
import type { AgreementCommand, AgreementEvent, AgreementState, CommandOf, CommandType, EventOf, Guard, Role } from '../../src/agreement'

// Pins the inferred types the service, projections and callers rely on; tsc
// (pnpm typecheck) fails when a schema change alters them.
describe('inferred types', () => {
  it('commands and events are discriminated unions with the fields callers use', () => {
    expectTypeOf<CommandType>().toEqualTypeOf<AgreementCommand['type']>()
    expectTypeOf<CommandOf<'SignPerjanjianKerjaSama'>['signer']['suratKuasaRef']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<CommandOf<'IdentifyCooperation'>['agreementId']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<CommandOf<'MapAffairs'>['agreementId']>().toEqualTypeOf<string>()
    expectTypeOf<AgreementEvent['schemaVersion']>().toEqualTypeOf<1>()
    expectTypeOf<EventOf<'ActionCompleted'>['data']['actionId']>().toEqualTypeOf<string>()
  })

  it('state status and roles are closed sets', () => {
    expectTypeOf<AgreementState['status']>().toEqualTypeOf<'none' | 'identified' | 'mapped' | 'coordinated' | 'signed' | 'implemented' | 'evaluated' | 'ended'>()
    expectTypeOf<Role>().toEqualTypeOf<'opd' | 'tkksd' | 'kepala-daerah' | 'kuasa' | 'dprd' | 'partner' | 'monev'>()
    expectTypeOf<Guard['basis']['kind']>().toEqualTypeOf<'reg' | 'practice' | 'policy'>()
  })
})
