import type { ReadModelDocument, ReadModelTransaction } from '@kerjasama/core'

/**
 * A write whose document is made when the batch needs it — when it is read,
 * listed or flushed — rather than at every event. The built-in read models
 * fold each agreement's events of a batch into a private working copy and
 * defer the document, so a rebuild builds and freezes it once per batch, not
 * once per event. Only the runner's transactions offer it, under this
 * symbol, and not while a batch is applied again to find a bad document (each
 * write is checked at its event then): elsewhere a projection writes at once.
 */
export const DEFER_WRITE = Symbol('kerjasama.deferWrite')

export type DeferWrite = (collection: string, id: string, build: () => ReadModelDocument) => void

export type DeferringTransaction = ReadModelTransaction & { [DEFER_WRITE]?: DeferWrite }

export function deferrerOf(tx: ReadModelTransaction): DeferWrite | undefined {
  return (tx as DeferringTransaction)[DEFER_WRITE]
}

/** A deferred document could not be made when the batch flushed; the batch is applied again, writing at each event, to name the event at fault. */
export class DeferredWriteFailed extends Error {}
