import { describe, expect, it } from 'vitest'
import { isKerjasamaError } from '@kerjasama/core'
import { createProjectionRunner, defineProjection } from '../../src'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('skips asked for together', () => {
  it('P7 of two skips of the one poison event, one is recorded and the other is PROJECTION_SKIP_REFUSED, not a store conflict', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'agreement-3'])
    const counting = countingProjection()
    const poisoned = defineProjection({
      ...counting,
      async apply(event, tx) {
        if (event.position === 2n) throw new Error('cannot apply')
        await counting.apply(event, tx)
      },
    })
    const runner = createProjectionRunner({ eventStore, readModels, projections: [poisoned] })
    expect((await runner.catchUp())[0]).toMatchObject({ state: 'failed', checkpoint: 1n })
    const options = { reason: 'a test event', actor: { id: 'u-1', role: 'admin' } }
    const outcomes = await Promise.allSettled([runner.skip('counts', 2n, options), runner.skip('counts', 2n, options)])
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    const refused = outcomes.find((outcome) => outcome.status === 'rejected')?.reason
    expect(isKerjasamaError(refused) && refused.code).toBe('PROJECTION_SKIP_REFUSED')
    expect(isKerjasamaError(refused) && refused.localized.id.length > 0 && refused.localized.en.length > 0).toBe(true)
    expect(await runner.skips('counts')).toHaveLength(1)
    expect((await runner.catchUp())[0]).toMatchObject({ state: 'caught-up', checkpoint: 3n })
  })
})
