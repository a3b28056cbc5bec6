import { createAgreementService } from '@kerjasama/core'
import type { AgreementPolicy, AgreementService, EventStore, RegionDirectory } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import type { TestClock } from '@kerjasama/core/testing'

/** The rakor was held in Surakarta on Tuesday 22 February 2022; the scenario starts that morning (WIB). */
export const SEED_START = '2022-02-22T02:00:00.000Z'

export type SeedService = { service: AgreementService; clock: TestClock }

/**
 * The scenario moves its own clock (an offer is answered weeks later, an
 * action is completed months later), so the service is built around a clock
 * the scenario controls. Ids stay ulids so repeated runs on one database do
 * not collide. `regions` is the national directory when the caller has loaded
 * it (the CLI demo does: @kerjasama/regions-id); else the bundled Jawa Tengah table.
 */
export function createSeedService(store: EventStore, options: { ids?: () => string; policy?: Partial<AgreementPolicy>; regions?: RegionDirectory } = {}): SeedService {
  const clock = testClock(SEED_START)
  const service = createAgreementService({ store, clock, ...options })
  return { service, clock }
}
