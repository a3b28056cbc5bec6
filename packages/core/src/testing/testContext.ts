import { defaultPolicy, resolvePolicy } from '../agreement'
import type { AgreementPolicy, DecideContext } from '../agreement'
import { sequentialIds } from './sequentialIds'
import { testActors } from './testActors'

export const TEST_NOW = '2022-02-22T02:00:00.000Z'

/** A DecideContext with a fixed instant, predictable ids and the default policy. */
export function testContext(overrides: Partial<Omit<DecideContext, 'policy'>> & { policy?: Partial<AgreementPolicy> } = {}): DecideContext {
  const { policy, ...rest } = overrides
  return {
    now: new Date(TEST_NOW),
    actor: testActors.opd,
    newId: sequentialIds('test'),
    ...rest,
    policy: policy === undefined ? defaultPolicy : resolvePolicy(policy),
  }
}
