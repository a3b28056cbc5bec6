import { describe, expect, it } from 'vitest'
import { isKerjasamaError } from '@kerjasama/core'
import type { ReadModelStore } from '@kerjasama/core'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { memoryStores } from './support/memoryStores'

/** Read models whose leases always say yes: two instances both believe they hold the projection, as after a lease lapsed under a paused process. */
function splitBrain(store: ReadModelStore, conflicts: { count: number }): ReadModelStore {
  return {
    ...store,
    acquireLease: async () => true,
    transaction: (key, work) =>
      store.transaction(key, work).catch((error: unknown) => {
        if (isKerjasamaError(error) && error.code === 'PROJECTION_CONFLICT') conflicts.count += 1
        throw error
      }),
  }
}

describe('checkpoint compare-and-set', () => {
  it('P3 two runners racing over the same batches never both commit one: the documents equal a fold applying each event once', async () => {
    const stores = memoryStores()
    await appendTo(stores.eventStore, Array.from({ length: 40 }, (_, n) => `${['agreement', 'partner', 'region'][n % 3]}-${n % 5}`))
    const conflicts = { count: 0 }
    const runners = ['a', 'b'].map((holderId) =>
      createProjectionRunner({ eventStore: stores.eventStore, readModels: splitBrain(stores.again().readModels, conflicts), projections: [countingProjection()], holderId, batchSize: 3 }),
    )
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(runners.map((runner) => runner.catchUp()))
      await appendTo(stores.eventStore, [`agreement-${round}`, `partner-${round}`, `region-${round}`, `agreement-${round + 1}`])
    }
    await Promise.all(runners.map((runner) => runner.catchUp()))
    expect(conflicts.count).toBeGreaterThan(0)
    expect(await documentsOf(readerFor(stores.readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(stores.eventStore)))
  })
})
