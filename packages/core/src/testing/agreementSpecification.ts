import { decide, evolve, initialState } from '../agreement'
import type { AgreementEvent, AgreementState, DecideContext } from '../agreement'
import type { Decider } from './deciderSpecification'
import { DeciderSpecification } from './deciderSpecification'
import { testContext } from './testContext'

/** The agreement decider as the three functions a specification needs. */
export const agreementDecider: Decider<unknown, AgreementEvent, AgreementState, DecideContext> = { decide, evolve, initialState }

/**
 * A specification of the agreement decider with a deterministic context
 * (fixed instant, sequential ids, the opd actor, default policy); override
 * any of it per `when`.
 *
 *   agreementSpecification().given(events).when(command, { actor: testActors.tkksd }).thenViolates('OFFER_BEFORE_FEASIBILITY')
 */
export function agreementSpecification(context: () => DecideContext = () => testContext()): DeciderSpecification<unknown, AgreementEvent, AgreementState, DecideContext> {
  return DeciderSpecification.for(agreementDecider, context)
}
