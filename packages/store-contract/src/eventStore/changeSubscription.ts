import { describe, expect, it } from 'vitest'
import type { EventStore } from '@kerjasama/core'
import type { EventStoreSuite } from '../harness'
import { sampleEvents } from '../sampleEvents'

const WAKE_UP_TIMEOUT_MS = 10_000

/** Resolves at the listener's next call after `since` calls; rejects when none comes in time. */
function wakeUps(): { listener: () => void; count: () => number; next: () => Promise<void> } {
  let calls = 0
  let waiting: Array<() => void> = []
  return {
    listener: () => {
      calls += 1
      const resolve = waiting
      waiting = []
      resolve.forEach((wake) => wake())
    },
    count: () => calls,
    next: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no wake-up after the append committed')), WAKE_UP_TIMEOUT_MS)
        waiting.push(() => {
          clearTimeout(timer)
          resolve()
        })
      }),
  }
}

// subscribe is an optional capability: an adapter without it has nothing to prove here.
function subscribable(store: EventStore): store is EventStore & Required<Pick<EventStore, 'subscribe'>> {
  return typeof store.subscribe === 'function'
}

export function describeChangeSubscription({ run, options }: EventStoreSuite): void {
  describe('R17 change subscription wakes tailing readers', () => {
    it('R17 a subscriber is woken after an append commits, through its own store and through other stores on the database', run(async ({ open }) => {
      const store = await open()
      const writer = await open()
      if (!subscribable(store)) return
      const wake = wakeUps()
      const unsubscribe = await store.subscribe(wake.listener)
      const first = wake.next()
      await store.append('s-1', sampleEvents(1), { expectedVersion: 'none' })
      await first
      const second = wake.next()
      await writer.append('s-2', sampleEvents(2), { expectedVersion: 'none' })
      await second
      unsubscribe()
    }), options.testTimeout)

    it('R17 after unsubscribing, appends no longer wake the listener, and other subscribers keep theirs', run(async ({ open }) => {
      const store = await open()
      if (!subscribable(store)) return
      const leaving = wakeUps()
      const staying = wakeUps()
      const unsubscribe = await store.subscribe(leaving.listener)
      await store.subscribe(staying.listener)
      const woken = Promise.all([leaving.next(), staying.next()])
      await store.append('s-1', sampleEvents(1), { expectedVersion: 'none' })
      await woken
      unsubscribe()
      unsubscribe()
      const before = leaving.count()
      const stayingWoken = staying.next()
      await store.append('s-1', sampleEvents(1), { expectedVersion: 1 })
      await stayingWoken
      // Give a late wake-up time to arrive; none may.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(leaving.count()).toBe(before)
    }), options.testTimeout)
  })
}
