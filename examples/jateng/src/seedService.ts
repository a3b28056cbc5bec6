import { createAgreementService } from '@kerjasama/core'
import type { AgreementPolicy, AgreementService, EventStore } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import type { TestClock } from '@kerjasama/core/testing'

/** The rakor was held in Surakarta on Tuesday 22 February 2022; the scenario starts that morning (WIB). */
export const SEED_START = '2022-02-22T02:00:00.000Z'

export type SeedService = { service: AgreementService; clock: TestClock }

/**
 * The scenario moves its own clock (an offer is answered weeks later, an
 * action is completed months later), so the service is built around a clock
 * the scenario controls. Ids stay ulids so repeated runs on one database do
 * not collide.
 */
export function createSeedService(store: EventStore, options: { ids?: () => string; policy?: Partial<AgreementPolicy> } = {}): SeedService {
  const clock = testClock(SEED_START)
  const service = createAgreementService({ store, clock, ...options })
  return { service, clock }
}
