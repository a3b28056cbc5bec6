import { z } from 'zod'
import { ValidationError } from '../errors'
import type { SnapshotStore } from '../snapshotStore'
import type { TenantId } from '../store'
import { customError, localizedIssue } from '../validation'

/** Why the service went ahead without a snapshot; never a reason to fail a load or a command. */
export type SnapshotProblem =
  | { kind: 'load-failed' | 'save-failed'; streamId: string; error: unknown }
  | {
      kind: 'ignored'
      streamId: string
      /** The version the snapshot claimed. */
      version: unknown
      reason: 'malformed' | 'reducer-version' | 'state-digest' | 'state-shape' | 'event-missing' | 'event-hash'
    }

export type SnapshotOptions = {
  /** The snapshot store of the event store's own tenant (e.g. `store.snapshots` of the SQLite or PostgreSQL store). */
  store: SnapshotStore
  /** A snapshot is taken whenever the service folds a stream past a multiple of this many events (1 to 1,000,000). */
  every: number
  /**
   * Told when a snapshot could not be read or saved, or was found and
   * ignored (its event's hash no longer matches, it was edited, it has another
   * shape). The load or command went ahead without it. What it throws is dropped.
   */
  onProblem?: (problem: SnapshotProblem) => void
}

export type SnapshotPolicy = { store: SnapshotStore; every: number; tenant: TenantId; report: (problem: SnapshotProblem) => void }

export const MAX_SNAPSHOT_INTERVAL = 1_000_000

const isFunction = (value: unknown): boolean => typeof value === 'function'

export const snapshotOptionsSchema = z.strictObject({
  store: z.custom<SnapshotStore>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Record<string, unknown>).tenant === 'string' &&
      isFunction((value as Record<string, unknown>).loadLatest) &&
      isFunction((value as Record<string, unknown>).save),
    customError({ id: 'snapshots.store harus memenuhi port SnapshotStore (tenant, loadLatest, save)', en: 'snapshots.store must implement the SnapshotStore port (tenant, loadLatest, save)' }),
  ),
  every: z.number().int().min(1).max(MAX_SNAPSHOT_INTERVAL),
  onProblem: z.custom<(problem: SnapshotProblem) => void>(isFunction, customError({ id: 'snapshots.onProblem harus berupa fungsi', en: 'snapshots.onProblem must be a function' })).optional(),
})

/** The options already passed the schema; what is left is whose streams the snapshots are of. */
export function snapshotPolicyOf(options: SnapshotOptions | undefined, tenant: TenantId): SnapshotPolicy | undefined {
  if (options === undefined) return undefined
  // A region's snapshots folded onto another region's stream of the same id
  // would show one agreement's state as another's; the digest would catch
  // it, but a store of the wrong tenant is a configuration error to name.
  if (options.store.tenant !== tenant) {
    throw new ValidationError({ id: 'opsi layanan kerja sama', en: 'agreement service options' }, [
      localizedIssue('snapshots.store', {
        id: `snapshots.store milik tenant ${options.store.tenant}, sedangkan penyimpanan peristiwa milik tenant ${tenant}`,
        en: `snapshots.store belongs to tenant ${options.store.tenant}, the event store to tenant ${tenant}`,
      }),
    ])
  }
  const onProblem = options.onProblem
  return {
    store: options.store,
    every: options.every,
    tenant,
    report: (problem) => {
      // A hook is for logging; a logger that throws must not turn a snapshot,
      // which is only ever a shortcut, into a failed load or command.
      try {
        onProblem?.(problem)
      } catch {
        // dropped, as documented on onProblem
      }
    },
  }
}
