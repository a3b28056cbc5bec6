type Subscriber = { readable: ReadonlySet<string>; listener: () => void }

/** Subscribers per database file, process-wide, so a store wakes for appends through any store of this process on the file. */
const subscribersByFile = new Map<string, Set<Subscriber>>()

/**
 * In-process wake-ups after appends (R17). Another process's appends to the
 * same file send no signal here (SQLite has no notification channel between
 * processes); a tailing reader still finds them by polling readAll, which is
 * why the port calls a wake-up a hint.
 */
export function appendSignal(databaseKey: string, readable: ReadonlySet<string>) {
  const own = new Set<Subscriber>()
  return {
    subscribe(listener: () => void): () => void {
      let subscribers = subscribersByFile.get(databaseKey)
      if (subscribers === undefined) {
        subscribers = new Set()
        subscribersByFile.set(databaseKey, subscribers)
      }
      const subscriber = { readable, listener }
      subscribers.add(subscriber)
      own.add(subscriber)
      return () => {
        own.delete(subscriber)
        subscribers.delete(subscriber)
        if (subscribers.size === 0 && subscribersByFile.get(databaseKey) === subscribers) subscribersByFile.delete(databaseKey)
      }
    },

    /** After an append to `tenant` committed; each listener runs in its own microtask, and what it throws is dropped. */
    announce(tenant: string): void {
      for (const subscriber of subscribersByFile.get(databaseKey) ?? []) {
        if (!subscriber.readable.has(tenant)) continue
        queueMicrotask(() => {
          try {
            subscriber.listener()
          } catch {
            // A wake-up listener's failure is its own; the append stands.
          }
        })
      }
    },

    /** Drops this store's subscriptions when it closes. */
    close(): void {
      const subscribers = subscribersByFile.get(databaseKey)
      for (const subscriber of own) subscribers?.delete(subscriber)
      own.clear()
      if (subscribers?.size === 0) subscribersByFile.delete(databaseKey)
    },
  }
}
