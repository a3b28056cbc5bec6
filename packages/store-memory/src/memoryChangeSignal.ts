import type { TenantId } from '@kerjasama/core'
import type { MemoryDatabase } from './memoryDatabase'

type Subscriber = { readable: ReadonlySet<TenantId>; listener: () => void }

const subscribers = new WeakMap<MemoryDatabase, Set<Subscriber>>()

/** Registers a wake-up for appends to `readable` tenants on this database (R17); returns the unsubscribe function. */
export function subscribeToAppends(database: MemoryDatabase, readable: ReadonlySet<TenantId>, listener: () => void): () => void {
  let set = subscribers.get(database)
  if (set === undefined) {
    set = new Set()
    subscribers.set(database, set)
  }
  const subscriber = { readable, listener }
  set.add(subscriber)
  return () => {
    set.delete(subscriber)
  }
}

/**
 * Wakes the subscribers of `tenant` once the append has returned. A listener
 * runs in a microtask of its own: it can neither delay the append nor fail
 * it, and an exception it throws is dropped, as a wake-up carries nothing to lose.
 */
export function announceAppend(database: MemoryDatabase, tenant: TenantId): void {
  for (const subscriber of subscribers.get(database) ?? []) {
    if (!subscriber.readable.has(tenant)) continue
    queueMicrotask(() => {
      try {
        subscriber.listener()
      } catch {
        // A wake-up listener's failure is the listener's own; the append stands.
      }
    })
  }
}
