import type { ReadModelTransaction } from '@kerjasama/core'
import { describe, expect, it } from 'vitest'
import { createProjectionRunner, defineProjection, readerFor } from '../../src'
import type { Projection } from '../../src'
import { deferrerOf } from '../../src/runner/deferredWrites'
import { documentsOf, referenceCounts, streamTypeOf } from '../runner/support/countingProjection'
import type { CountDocument } from '../runner/support/countingProjection'
import { appendTo, everyEvent } from '../runner/support/events'
import { memoryStores } from '../runner/support/memoryStores'

/**
 * Counts events per stream type the way the register folds agreements: in a
 * runner batch into a working copy whose document is deferred; elsewhere
 * written at each event. A copy that has folded an event of type Broken
 * cannot be made into a document, as a fold that went wrong in a batch.
 */
function deferringCounts(): Projection {
  const copies = new WeakMap<ReadModelTransaction, Map<string, { document: CountDocument; broken: boolean }>>()
  const made = (copy: { document: CountDocument; broken: boolean }): CountDocument => {
    if (copy.broken) throw new Error('the working copy folded a Broken event')
    return { ...copy.document }
  }
  return defineProjection({
    name: 'deferring',
    version: 1,
    collections: { counts: { indexed: ['streamType'] } },
    async apply(event, tx) {
      const streamType = streamTypeOf(event)
      const defer = deferrerOf(tx)
      let held = copies.get(tx)
      if (held === undefined) copies.set(tx, (held = new Map()))
      let copy = defer === undefined ? undefined : held.get(streamType)
      if (copy === undefined) {
        const previous = (await tx.get('counts', streamType)) as CountDocument | undefined
        copy = { document: previous === undefined ? { streamType, events: 0, order: 0, lastPosition: '0' } : { ...previous }, broken: false }
        const started = copy
        if (defer !== undefined) {
          held.set(streamType, started)
          defer('counts', streamType, () => {
            held?.delete(streamType)
            return made(started)
          })
        }
      }
      const order = (copy.document.order * 31 + Number(event.position % 1_000_003n)) % 2_147_483_647
      copy.document = { streamType, events: copy.document.events + 1, order, lastPosition: String(event.position) }
      if (event.type === 'Broken') copy.broken = true
      if (defer === undefined) await tx.put('counts', streamType, made(copy))
    },
  })
}

describe('deferred writes in a runner batch', () => {
  it('give the documents an event-by-event build gives, over batches that split a stream type', async () => {
    const { eventStore, readModels } = memoryStores()
    const projection = deferringCounts()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'partner-1', 'agreement-3', 'partner-2', 'agreement-4', 'agreement-5'])
    const [status] = await createProjectionRunner({ eventStore, readModels, projections: [projection], batchSize: 3 }).catchUp()
    expect(status).toMatchObject({ state: 'caught-up', checkpoint: 7n })
    expect(await documentsOf(readerFor(readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })

  it('a deferred document that cannot be made stops the build at the event that broke it (P6), with the events before it committed', async () => {
    const { eventStore, readModels } = memoryStores()
    const projection = deferringCounts()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'partner-1'])
    await appendTo(eventStore, ['agreement-1'], 'Broken')
    await appendTo(eventStore, ['partner-1', 'agreement-2'])
    const [status] = await createProjectionRunner({ eventStore, readModels, projections: [projection], batchSize: 10 }).catchUp()
    expect(status).toMatchObject({ state: 'failed', checkpoint: 3n })
    expect(status?.lastError?.details).toMatchObject({ position: '4', eventType: 'Broken', checkpoint: '3' })
    const before = (await everyEvent(eventStore)).filter((event) => event.position <= 3n)
    expect(await documentsOf(readerFor(readModels, projection), 'counts')).toEqual(referenceCounts(before))
  })
})

describe('a pass from checkpoint 0', () => {
  it('reads from the store no document it has not written, and a pass resumed later reads them all', async () => {
    const { eventStore, readModels } = memoryStores()
    const reads: string[] = []
    const counted = {
      ...readModels,
      transaction: <T>(projection: string, work: Parameters<typeof readModels.transaction<T>>[1]) =>
        readModels.transaction(projection, (tx) =>
          work({
            ...tx,
            get: async (collection, id) => {
              if (collection.includes('@')) reads.push(id)
              return tx.get(collection, id)
            },
          }),
        ),
    }
    const projection = deferringCounts()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'partner-1', 'agreement-3', 'partner-2'])
    await createProjectionRunner({ eventStore, readModels: counted, projections: [projection], batchSize: 2 }).catchUp()
    // Batches [a1 a2] [p1 a3] [p2]: the first reads nothing; the second reads back "agreement", which the first wrote, but not the new "partner"; the third reads "partner".
    expect(reads).toEqual(['agreement', 'partner'])
    await appendTo(eventStore, ['partner-3', 'agreement-4'])
    reads.length = 0
    await createProjectionRunner({ eventStore, readModels: counted, projections: [projection], batchSize: 2 }).catchUp()
    expect(reads).toEqual(['partner', 'agreement'])
    expect(await documentsOf(readerFor(readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })
})
