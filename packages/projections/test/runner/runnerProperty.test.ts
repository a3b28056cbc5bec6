import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { crashingReadModels } from './support/faultyReadModels'
import type { Crash } from './support/faultyReadModels'
import { memoryStores } from './support/memoryStores'

const streamId = fc.tuple(fc.constantFrom('agreement', 'partner', 'region'), fc.integer({ min: 1, max: 3 })).map(([type, n]) => `${type}-${n}`)
const crash: fc.Arbitrary<Crash> = fc.record({ transaction: fc.integer({ min: 1, max: 12 }), at: fc.constantFrom('before', 'inside', 'after') })

describe('runner property', () => {
  it('P1 for any history, batch size and crash points, the documents equal a reference fold applying every event once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(streamId, { maxLength: 25 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(crash, { maxLength: 4 }),
        async (chunks, batchSize, crashes) => {
          const stores = memoryStores()
          const projection = countingProjection()
          const pending = [...crashes]
          for (const chunk of chunks) {
            await appendTo(stores.eventStore, chunk)
            // Each crash is one process dying; the next process starts over from what the store committed.
            const process = crashingReadModels(stores.again().readModels, pending.shift())
            await createProjectionRunner({ eventStore: stores.eventStore, readModels: process, projections: [projection], batchSize, leaseTtlMs: 50 })
              .catchUp()
              // A dead process cannot even report its status.
              .catch(() => undefined)
          }
          // A process that died holding the lease leaves it until it expires, as a killed one would.
          await new Promise((resolve) => setTimeout(resolve, 60))
          for (const next of pending) {
            await createProjectionRunner({ eventStore: stores.eventStore, readModels: crashingReadModels(stores.readModels, next), projections: [projection], batchSize, leaseTtlMs: 50 })
              .catchUp()
              .catch(() => undefined)
            await new Promise((resolve) => setTimeout(resolve, 60))
          }
          const [status] = await createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [projection], batchSize }).catchUp()
          expect(status?.lastError).toBeNull()
          expect(await documentsOf(readerFor(stores.readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(stores.eventStore)))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('P1 for any history and any stop and restart of a live runner between batches, the documents equal the reference fold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(streamId, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        async (chunks, batchSize, stopAfterBatches) => {
          const stores = memoryStores()
          const projection = countingProjection()
          for (const [index, chunk] of chunks.entries()) {
            const head = await appendTo(stores.eventStore, chunk)
            const stopAfter = stopAfterBatches[index % stopAfterBatches.length] as number
            let batches = 0
            await new Promise<void>((resolve, reject) => {
              const runner = createProjectionRunner({
                eventStore: stores.eventStore,
                readModels: stores.again().readModels,
                projections: [projection],
                batchSize,
                pollIntervalMs: 5,
                onProgress: () => {
                  batches += 1
                  // Stopping from inside the pass: the batch in hand has committed, the next one never starts.
                  if (batches === stopAfter) runner.stop().then(resolve, reject)
                },
              })
              runner
                .start()
                .then(() => runner.waitUntilCaughtUp(head, { timeoutMs: 5000 }))
                .then(() => runner.stop())
                .then(resolve, reject)
            })
          }
          await createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [projection], batchSize }).catchUp()
          expect(await documentsOf(readerFor(stores.readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(stores.eventStore)))
        },
      ),
      { numRuns: 30 },
    )
  })
})
