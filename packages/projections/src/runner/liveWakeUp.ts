/**
 * Live mode sleeps between passes and wakes on whichever comes first: a
 * change notification, the poll interval, or stop. Notifications only make
 * the wake-up sooner; the poll is always armed, so a lost notification (a
 * LISTEN connection that was reconnecting) delays a projection by at most
 * one interval and never stalls it.
 */
export class WakeUp {
  private fired = 0
  private readonly waiters = new Set<() => void>()

  /** How many times it has fired; pass it to `wait` to not miss a firing that happens meanwhile. */
  get count(): number {
    return this.fired
  }

  fire(): void {
    this.fired += 1
    for (const waiter of [...this.waiters]) waiter()
  }

  /**
   * Resolves once it has fired since `since` (at once if it already has), or
   * after `timeoutMs`, or when `signal` aborts. Never rejects.
   */
  wait(since: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.fired !== since || signal?.aborted === true) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.waiters.delete(done)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      this.waiters.add(done)
      signal?.addEventListener('abort', done)
    })
  }
}

/** What an event store's optional change notification hands a listener; the runner only needs to know that something changed. */
export type ChangeListener = (notice?: { position?: bigint }) => void
export type Subscribe = (listener: ChangeListener) => (() => void) | Promise<() => void>

/**
 * Subscribes once for the whole runner. A store without `subscribe`, or a
 * subscription that fails, leaves polling alone to wake the projections.
 */
export async function subscribeToChanges(subscribe: Subscribe | undefined, onChange: (position: bigint | undefined) => void): Promise<() => void> {
  if (subscribe === undefined) return () => undefined
  try {
    return await subscribe((notice) => onChange(typeof notice?.position === 'bigint' ? notice.position : undefined))
  } catch {
    return () => undefined
  }
}
