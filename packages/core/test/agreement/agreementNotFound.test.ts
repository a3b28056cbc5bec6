import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { commandRoles, commandTypes, decide, initialState, parseAgreementCommand } from '../../src/agreement'
import { AgreementNotFound, isRefusal } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import { sequentialIds, testClock } from '../../src/testing'
import { countingStore } from '../service/storeDoubles'
import { REGION, actors, commands, context, partnerActor } from './scenario'

// Item 8: a command on an agreement that does not exist is AGREEMENT_NOT_FOUND,
// not WRONG_STAGE, and nothing is written.

const sample: Record<string, Record<string, unknown>> = {
  MapAffairs: commands.map('KSDPK'), AssessFeasibility: commands.assess(), SendOffer: commands.offer(),
  RecordOfferResponse: commands.respond('koperasi-nira'), AgreeWorkPlan: commands.workPlan(), ReviewDraft: commands.review('KB'), RequestDprdApproval: commands.dprdRequest(),
  RecordDprdApproval: commands.dprd(), SignKesepakatanBersama: commands.sign('SignKesepakatanBersama', REGION), SignPerjanjianKerjaSama: commands.sign('SignPerjanjianKerjaSama', REGION),
  SignNotaKesepakatan: commands.sign('SignNotaKesepakatan', REGION), StartAction: commands.start(), CompleteAction: commands.complete(),
  RecordMonev: commands.monev(), Amend: commands.amend(), Extend: commands.extend(), Terminate: commands.terminate(), Expire: commands.expire(),
}
const laterTypes = commandTypes.filter((type) => type !== 'IdentifyCooperation')
/** Someone the role table lets issue the command, so only existence can refuse it. */
const allowedActor = (type: (typeof commandTypes)[number]) => {
  const role = commandRoles[type][0]!
  return role === 'partner' ? partnerActor('koperasi-nira') : { ...actors.opd, role }
}

describe('a command on an agreement that does not exist', () => {
  it('has a sample for every command but IdentifyCooperation', () => {
    expect(Object.keys(sample).sort()).toEqual([...laterTypes].sort())
  })

  for (const type of laterTypes) {
    it(`${type} on nothing: decide refuses with AGREEMENT_NOT_FOUND naming the agreement`, () => {
      let refused: unknown
      try {
        decide(sample[type], initialState, context({ actor: allowedActor(type) }))
      } catch (error) {
        refused = error
      }
      expect(refused).toBeInstanceOf(AgreementNotFound)
      expect(isRefusal(refused) && refused.details).toEqual({ agreementId: 'kebumen-gula' })
    })
  }

  it('the service refuses every later command on an unknown agreement with AGREEMENT_NOT_FOUND and writes nothing', async () => {
    const store = countingStore(openMemoryStore())
    const service = createAgreementService({ store, clock: testClock(), ids: sequentialIds('nf') })
    for (const type of laterTypes) {
      const refused = await service.execute(parseAgreementCommand({ ...sample[type], agreementId: 'tidak-ada' }), { actor: allowedActor(type) }).catch((error: unknown) => error)
      expect([type, isRefusal(refused) ? refused.code : refused]).toEqual([type, 'AGREEMENT_NOT_FOUND'])
    }
    expect(store.appends).toBe(0)
    expect(await service.history('tidak-ada')).toEqual([])
  })
})
