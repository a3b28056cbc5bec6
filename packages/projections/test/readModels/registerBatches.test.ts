import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openMemoryReadModelStore } from '@kerjasama/store-memory'
import { builtInReader, createProjectionRunner, queryRegister, registerProjection } from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

const agreementArb = fc.record({
  variant: fc.constantFrom('KSDPK' as const, 'KSDD-sukarela' as const, 'Sinergi' as const),
  steps: fc.integer({ min: 1, max: 25 }),
})

// The runner folds each agreement's events of a batch into a working copy and
// writes its entry once per batch; the reference applies event by event. For
// all histories and batch sizes, including batches that split an agreement's
// events and runs resumed from a stored entry, the entries are the same.
describe('the register built by the runner in batches', () => {
  it('for all histories and batch sizes, equals the entry-per-event reference build, field order included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(agreementArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), async (agreements, batchSize) => {
        const history = newHistory()
        for (const [index, agreement] of agreements.entries()) await runLifecycle(history, agreement.variant, { agreementId: `a${index}` }, { steps: agreement.steps })
        const readModels = openMemoryReadModelStore()
        await createProjectionRunner({ eventStore: history.store, readModels, projections: [registerProjection], batchSize }).catchUp()
        const built = (await queryRegister(builtInReader(readModels, [registerProjection]), { limit: 500 })).items
        const reference = (await queryRegister(await buildReadModels(history.store, [registerProjection]), { limit: 500 })).items
        expect(built).toHaveLength(agreements.length)
        expect(JSON.stringify(built)).toBe(JSON.stringify(reference))
      }),
      { numRuns: 40 },
    )
  })
})
