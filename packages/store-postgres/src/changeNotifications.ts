import pg from 'pg'
import type { Pool } from 'pg'
import { TENANT_SEPARATOR, quoteIdentifier } from './schemaName'
import type { SchemaNames } from './schemaName'

export type ChangeNotice = { tenant: string; position: bigint }
export type ChangeListener = (notice: ChangeNotice) => void

/**
 * One LISTEN connection per store, opened on the first subscriber. It is a
 * dedicated client (taken out of the pool for good) because LISTEN belongs
 * to a session. Notifications are a wake-up call, not a delivery mechanism:
 * a consumer still reads with readAll, so a lost notice (the listener was
 * reconnecting) only costs latency, and callers keep a polling fallback.
 */
export class ChangeNotifications {
  private readonly listeners = new Set<ChangeListener>()
  private client: pg.PoolClient | undefined
  private connecting: Promise<void> | undefined
  private closed = false

  constructor(
    private readonly pool: Pool,
    private readonly names: SchemaNames,
    private readonly readable: ReadonlySet<string>,
  ) {}

  /** Calls `listener` for every append to a readable tenant; returns the unsubscribe function. */
  async subscribe(listener: ChangeListener): Promise<() => void> {
    this.listeners.add(listener)
    await this.ensureListening()
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Resolves true at the next change to a readable tenant, false after `timeoutMs` or when `signal` aborts. */
  async waitForChange(options: { timeoutMs: number; signal?: AbortSignal }): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let unsubscribe: (() => void) | undefined
      let done = false
      const finish = (changed: boolean): void => {
        if (done) return
        done = true
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        unsubscribe?.()
        resolve(changed)
      }
      const onAbort = (): void => finish(false)
      const timer = setTimeout(() => finish(false), options.timeoutMs)
      options.signal?.addEventListener('abort', onAbort)
      if (options.signal?.aborted === true) return finish(false)
      this.subscribe(() => finish(true)).then(
        (off) => {
          unsubscribe = off
          if (done) off()
        },
        () => finish(false),
      )
    })
  }

  async close(): Promise<void> {
    this.closed = true
    this.listeners.clear()
    const client = this.client
    this.client = undefined
    if (client !== undefined) client.release(true)
  }

  private async ensureListening(): Promise<void> {
    if (this.closed || this.client !== undefined) return
    this.connecting ??= this.listen().finally(() => {
      this.connecting = undefined
    })
    await this.connecting
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect()
    client.on('notification', (message) => this.dispatch(message.payload))
    // A dropped listener connection is replaced on the next subscribe; until
    // then consumers fall back to their polling interval.
    client.on('error', () => {
      if (this.client === client) this.client = undefined
      client.release(true)
    })
    await client.query(`listen ${quoteIdentifier(this.names.channel)}`)
    if (this.closed) {
      client.release(true)
      return
    }
    this.client = client
  }

  private dispatch(payload: string | undefined): void {
    if (payload === undefined) return
    const [tenant, position] = payload.split(TENANT_SEPARATOR)
    if (tenant === undefined || position === undefined || !this.readable.has(tenant)) return
    const notice = { tenant, position: BigInt(position) }
    for (const listener of [...this.listeners]) listener(notice)
  }
}
