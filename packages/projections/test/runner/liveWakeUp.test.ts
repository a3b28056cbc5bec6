import { describe, expect, it } from 'vitest'
import type { EventStore } from '@kerjasama/core'
import { createProjectionRunner } from '../../src'
import { WakeUp } from '../../src/runner/liveWakeUp'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

/** The memory event store with the optional subscribe capability; `deliver: false` loses every notification. */
function notifying(store: EventStore, deliver: boolean | 'throws'): EventStore & { subscribers: () => number } {
  const listeners = new Set<() => void>()
  return {
    ...store,
    subscribers: () => listeners.size,
    append: async (streamId, events, options) => {
      const result = await store.append(streamId, events, options)
      if (deliver === true) for (const listener of listeners) listener()
      return result
    },
    subscribe: async (listener) => {
      if (deliver === 'throws') throw new Error('LISTEN connection refused')
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

describe('WakeUp', () => {
  it('P4 a firing between reading the count and waiting is not lost; without one, the wait ends at the poll interval', async () => {
    const wake = new WakeUp()
    const since = wake.count
    wake.fire()
    const started = Date.now()
    await wake.wait(since, 60_000)
    expect(Date.now() - started).toBeLessThan(1000)
    const polled = Date.now()
    await wake.wait(wake.count, 30)
    expect(Date.now() - polled).toBeGreaterThanOrEqual(25)
    const controller = new AbortController()
    const waiting = wake.wait(wake.count, 60_000, controller.signal)
    controller.abort()
    await waiting
  })
})

describe('live mode', () => {
  it('P4 wakes on the store\'s change notification without waiting for the poll', async () => {
    const { eventStore: memory, readModels } = memoryStores()
    const eventStore = notifying(memory, true)
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], pollIntervalMs: 3_600_000 })
    await runner.start()
    expect(eventStore.subscribers()).toBe(1)
    // The first pass may still be running; a notification that arrives meanwhile still counts.
    const position = await appendTo(eventStore, ['agreement-1', 'partner-1'])
    await runner.waitUntilCaughtUp(position, { timeoutMs: 5000 })
    const later = await appendTo(eventStore, ['agreement-2'])
    await runner.waitUntilCaughtUp(later, { timeoutMs: 5000 })
    await runner.stop()
    expect(eventStore.subscribers()).toBe(0)
  })

  it('P4 a lost notification, or a store whose subscribe fails, only delays: the poll still catches up', async () => {
    for (const deliver of [false, 'throws'] as const) {
      const { eventStore: memory, readModels } = memoryStores()
      const eventStore = notifying(memory, deliver)
      const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], pollIntervalMs: 20 })
      await runner.start()
      const position = await appendTo(eventStore, ['agreement-1', 'partner-1'])
      await runner.waitUntilCaughtUp(position, { timeoutMs: 5000 })
      await runner.stop()
    }
  })

  it('P4 a store without subscribe is followed by polling alone', async () => {
    const { eventStore: memory, readModels } = memoryStores()
    const eventStore: EventStore = { ...memory, subscribe: undefined }
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], pollIntervalMs: 20 })
    await runner.start()
    const position = await appendTo(eventStore, ['agreement-1'])
    await runner.waitUntilCaughtUp(position, { timeoutMs: 5000 })
    await runner.stop()
  })
})
