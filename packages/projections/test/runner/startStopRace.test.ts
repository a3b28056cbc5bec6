import { describe, expect, it } from 'vitest'
import type { EventStore } from '@kerjasama/core'
import { createProjectionRunner } from '../../src'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

/** The event store with a count of the change subscriptions still open: a live runner has one, a stopped one none. */
function countingSubscriptions(eventStore: EventStore): { eventStore: EventStore; open: () => number } {
  let open = 0
  const subscribe = eventStore.subscribe?.bind(eventStore)
  if (subscribe === undefined) throw new Error('the memory store offers subscribe')
  return {
    open: () => open,
    eventStore: {
      ...eventStore,
      readAll: eventStore.readAll.bind(eventStore),
      subscribe: async (listener) => {
        const unsubscribe = await subscribe(listener)
        open += 1
        let closed = false
        return () => {
          if (!closed) open -= 1
          closed = true
          unsubscribe()
        }
      },
    },
  }
}

describe('start and stop called together', () => {
  it('P8 a stop() asked while start() is under way leaves the runner stopped: no subscription, no lease, however the calls interleave', async () => {
    const stores = memoryStores()
    await appendTo(stores.eventStore, ['agreement-1', 'agreement-2'])
    const { eventStore, open } = countingSubscriptions(stores.eventStore)
    const runner = createProjectionRunner({ eventStore, readModels: stores.readModels, projections: [countingProjection()], pollIntervalMs: 5 })
    // Once the runner's own collections are declared, start() has only one await before it subscribes: the narrowest window.
    await runner.catchUp()
    await appendTo(stores.eventStore, ['agreement-3'])
    await Promise.all([runner.start(), runner.stop()])
    expect(open()).toBe(0)
    expect(await stores.readModels.leaseOf('projection:counts')).toBeUndefined()
    expect((await runner.status())[0]).toMatchObject({ holder: null })
  })

  it('P8 a start() asked while stop() is under way starts the runner again once it has stopped', async () => {
    const stores = memoryStores()
    const { eventStore, open } = countingSubscriptions(stores.eventStore)
    const runner = createProjectionRunner({ eventStore, readModels: stores.readModels, projections: [countingProjection()], pollIntervalMs: 5 })
    await runner.start()
    await Promise.all([runner.stop(), runner.start()])
    expect(open()).toBe(1)
    const last = await appendTo(stores.eventStore, ['agreement-1'])
    await runner.waitUntilCaughtUp(last, { timeoutMs: 5000 })
    await runner.stop()
    expect(open()).toBe(0)
  })

  it('P8 start() twice and stop() twice, in any order, leave one subscription while live and none after', async () => {
    const stores = memoryStores()
    const { eventStore, open } = countingSubscriptions(stores.eventStore)
    const runner = createProjectionRunner({ eventStore, readModels: stores.readModels, projections: [countingProjection()], pollIntervalMs: 5 })
    await Promise.all([runner.start(), runner.start()])
    expect(open()).toBe(1)
    await Promise.all([runner.stop(), runner.stop()])
    expect(open()).toBe(0)
    await runner.stop()
    await Promise.all([runner.start(), runner.stop(), runner.start()])
    expect(open()).toBe(1)
    await runner.stop()
    expect(open()).toBe(0)
    expect(await stores.readModels.leaseOf('projection:counts')).toBeUndefined()
  })
})
