import type { ReadModelStore } from '@kerjasama/core'
import { leaseName } from './buildNames'

type LeasePort = Pick<ReadModelStore, 'acquireLease' | 'releaseLease' | 'leaseOf'>

/**
 * The leases one runner instance holds, one per projection it works on. A
 * lease is a row with an expiry in the read-model store (R16), renewed by a
 * heartbeat every third of its time to live; no transaction stays open to
 * hold it, so a holder killed with SIGKILL simply stops renewing and another
 * instance takes over once the lease has run out.
 *
 * A lease says who should work; it is not what keeps the documents right.
 * A holder paused past its lease (a long GC, a frozen VM) may still commit
 * one batch after another instance took over: the checkpoint's
 * compare-and-set refuses whichever of the two comes second.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, { renewedAt: number }>()
  private heartbeat: ReturnType<typeof setInterval> | undefined
  private beating: Promise<void> | undefined

  constructor(
    private readonly store: LeasePort,
    private readonly holder: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** Takes or renews the projection's lease; false while another instance holds it. */
  async acquire(projection: string): Promise<boolean> {
    const acquired = await this.store.acquireLease(leaseName(projection), this.holder, this.ttlMs)
    if (acquired) {
      this.held.set(projection, { renewedAt: this.now() })
      this.startHeartbeat()
    } else {
      this.held.delete(projection)
    }
    return acquired
  }

  /**
   * Whether this instance may still act as the holder: it held the lease at
   * its last renewal, and that renewal is younger than the lease's time to
   * live (a store that stopped answering does not extend it).
   */
  holds(projection: string): boolean {
    const lease = this.held.get(projection)
    return lease !== undefined && this.now() - lease.renewedAt < this.ttlMs
  }

  async release(projection: string): Promise<void> {
    if (!this.held.delete(projection)) return
    if (this.held.size === 0) this.stopHeartbeat()
    // A renewal already in flight would take the lease again after the release.
    await this.beating
    await this.store.releaseLease(leaseName(projection), this.holder)
  }

  async holderOf(projection: string): Promise<string | null> {
    return (await this.store.leaseOf(leaseName(projection)))?.holder ?? null
  }

  /** Stops renewing and gives every lease back, so another instance need not wait for them to expire. */
  async releaseAll(): Promise<void> {
    this.stopHeartbeat()
    await this.beating
    const projections = [...this.held.keys()]
    this.held.clear()
    await Promise.allSettled(projections.map((projection) => this.store.releaseLease(leaseName(projection), this.holder)))
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) return
    this.heartbeat = setInterval(() => {
      this.beating ??= this.renewAll().finally(() => {
        this.beating = undefined
      })
    }, Math.max(Math.floor(this.ttlMs / 3), 1))
    // The heartbeat alone must not keep a process alive that has nothing else to do.
    this.heartbeat.unref?.()
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat)
    this.heartbeat = undefined
  }

  private async renewAll(): Promise<void> {
    await Promise.all(
      [...this.held.keys()].map(async (projection) => {
        try {
          const renewed = await this.store.acquireLease(leaseName(projection), this.holder, this.ttlMs)
          if (!this.held.has(projection)) return
          if (renewed) this.held.set(projection, { renewedAt: this.now() })
          else this.held.delete(projection)
        } catch {
          // An unreachable store renews nothing: `holds` turns false once the
          // last good renewal is older than the time to live.
        }
      }),
    )
  }
}
