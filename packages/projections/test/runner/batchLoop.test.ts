import { describe, expect, it } from 'vitest'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('batch loop', () => {
  it('P2 commits one transaction per batch, each with its checkpoint, and reads no further than one batch ahead of what it committed', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, Array.from({ length: 11 }, (_, n) => `agreement-${n % 4}`))
    let committed = 0n
    let furthestAhead = 0n
    const counting: EventStore = {
      ...eventStore,
      readAll: (options) =>
        (async function* () {
          for await (const event of eventStore.readAll(options)) {
            // The head probe's one-event reads (batchSize 1) are no part of a pass.
            if (options?.batchSize === 4 && event.position - committed > furthestAhead) furthestAhead = event.position - committed
            yield event
          }
        })(),
    }
    const checkpoints: bigint[] = []
    const recording: ReadModelStore = {
      ...readModels,
      transaction: async (key, work) => {
        const result = await readModels.transaction(key, work)
        if (key === 'counts@1.0') {
          committed = await readModels.getCheckpoint(key)
          checkpoints.push(committed)
        }
        return result
      },
    }
    await createProjectionRunner({ eventStore: counting, readModels: recording, projections: [countingProjection()], batchSize: 4 }).catchUp()
    expect(checkpoints).toEqual([4n, 8n, 11n])
    expect(furthestAhead).toBe(4n)
    expect(await documentsOf(readerFor(readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })

  it('P2 between batches the runner gives the event loop a turn: a callback queued before a catch-up runs before its last batch', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, Array.from({ length: 400 }, (_, n) => `agreement-${n % 7}`))
    let committedWhenTimerFired: bigint | undefined
    let committed = 0n
    const recording: ReadModelStore = {
      ...readModels,
      transaction: async (key, work) => {
        const result = await readModels.transaction(key, work)
        if (key === 'counts@1.0') committed = await readModels.getCheckpoint(key)
        return result
      },
    }
    // The memory store settles every await as a microtask: only a turn of the event loop lets this in before the end.
    setImmediate(() => (committedWhenTimerFired = committed))
    await createProjectionRunner({ eventStore, readModels: recording, projections: [countingProjection()], batchSize: 4 }).catchUp()
    expect(committedWhenTimerFired).toBeDefined()
    expect(committedWhenTimerFired).toBeLessThan(400n)
  })

  it('P2 a batch whose commit fails leaves neither its documents nor its checkpoint', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    let failCommit = true
    const failing: ReadModelStore = {
      ...readModels,
      transaction: (key, work) =>
        readModels.transaction(key, async (tx) => {
          const result = await work(tx)
          if (key === 'counts@1.0' && failCommit) {
            failCommit = false
            throw new Error('disk full')
          }
          return result
        }),
    }
    const runner = createProjectionRunner({ eventStore, readModels: failing, projections: [countingProjection()] })
    const [first] = await runner.catchUp()
    expect(first).toMatchObject({ checkpoint: 0n, lastError: { code: 'PROJECTION_ERROR', details: { name: 'Error' } } })
    expect(await documentsOf(readerFor(readModels, countingProjection()), 'counts')).toEqual({})
    const [second] = await runner.catchUp()
    expect(second).toMatchObject({ checkpoint: 3n, lastError: null })
    expect(await documentsOf(readerFor(readModels, countingProjection()), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })

  it('P2 apply may not move the checkpoint itself: trying is a poison event', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1'])
    const meddling = countingProjection({ apply: async (_event, tx) => tx.setCheckpoint(99n) })
    const [status] = await createProjectionRunner({ eventStore, readModels, projections: [meddling] }).catchUp()
    expect(status).toMatchObject({ state: 'failed', checkpoint: 0n, lastError: { code: 'PROJECTION_FAILED', details: { causeCode: 'STORE_INPUT_INVALID' } } })
  })
})
