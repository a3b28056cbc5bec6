import { isKerjasamaError } from '@kerjasama/core'
import type { EventStore, ReadModelStore, StoredEvent } from '@kerjasama/core'
import type { Projection } from '../projection'
import { buildKey } from './buildNames'
import type { Build } from './buildNames'
import { WrittenDocuments } from './writtenDocuments'
import { buildTransaction } from './buildTransaction'
import { DeferredWriteFailed } from './deferredWrites'
import { commitCheckpoint, readCheckpoint } from './checkpoint'
import { clearFailureRecord, failureRecordOf, readFailureRecord, writeFailureRecord } from './poison'
import { recordBuildCollections } from './retiredBuilds'
import type { FailureRecord } from './poison'

export type BuildPass = {
  eventStore: EventStore
  readModels: ReadModelStore
  projection: Projection
  build: Build
  batchSize: number
  clock: () => Date
  /** The physical collections this process knows the build's record names (retiredBuilds.ts); grows as batches commit. */
  knownCollections: Set<string>
  /** Asked between batches; false ends the pass once the batch in hand has committed. */
  mayContinue: () => boolean
  /** Every event read, so the runner learns the head of the log. */
  onSeen: (position: bigint) => void
  onCommitted: (committed: { checkpoint: bigint; applied: number }) => void
}

export type PassOutcome =
  | { kind: 'caught-up'; checkpoint: bigint }
  | { kind: 'interrupted'; checkpoint: bigint }
  | { kind: 'failed'; checkpoint: bigint; failure: FailureRecord }

/**
 * One catch-up pass of one build: reads the log from the build's checkpoint
 * and commits every `batchSize` events in one transaction together with the
 * new checkpoint, written compare-and-set on the one the batch was read
 * from. It holds one batch at a time, so memory stays bounded however long
 * the log is. The pass ends caught up when readAll has nothing more, or
 * failed at a poison event. Store errors (including PROJECTION_CONFLICT,
 * when another writer got there first) are thrown; nothing uncommitted
 * counts, so the next pass starts again from the stored checkpoint.
 */
export async function runBuildPass(pass: BuildPass): Promise<PassOutcome> {
  let checkpoint = await readCheckpoint(pass.readModels, pass.projection.name, pass.build)
  let clearFailure = (await readFailureRecord(pass.readModels, pass.projection.name, pass.build)) !== undefined
  const batch: StoredEvent[] = []
  const ledger = checkpoint === 0n ? new WrittenDocuments() : undefined
  const commit = async (): Promise<PassOutcome | undefined> => {
    const result = await commitBatch(pass, checkpoint, batch, clearFailure, ledger)
    clearFailure = false
    const applied = result.kind === 'failed' ? result.applied : batch.length
    batch.length = 0
    checkpoint = result.checkpoint
    pass.onCommitted({ checkpoint, applied })
    return result.kind === 'failed' ? { kind: 'failed', checkpoint, failure: result.failure } : undefined
  }
  for await (const event of pass.eventStore.readAll({ fromPosition: checkpoint + 1n, batchSize: pass.batchSize })) {
    pass.onSeen(event.position)
    batch.push(event)
    if (batch.length < pass.batchSize) continue
    const failed = await commit()
    if (failed !== undefined) return failed
    // A synchronous driver (better-sqlite3) and the memory store settle every
    // await of a pass as a microtask, so without a turn of the event loop a
    // rebuild would hold it for its whole length: no lease heartbeat, no HTTP
    // request of the same process, until the last batch.
    await nextTurnOfEventLoop()
    if (!pass.mayContinue()) return { kind: 'interrupted', checkpoint }
  }
  if (batch.length > 0) {
    const failed = await commit()
    if (failed !== undefined) return failed
  }
  return { kind: 'caught-up', checkpoint }
}

function* collectionsOf(written: ReadonlyArray<{ collection: string }>): Iterable<string> {
  let last: string | undefined
  for (const { collection } of written) {
    // Written in runs, collection by collection: one comparison per document.
    if (collection !== last) yield collection
    last = collection
  }
}

function nextTurnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)))
}

/** A flush refused a document: the batch is applied again checking each write, to find the event at fault. */
class RecheckEachWrite {}

/** Marks the event `apply` threw on, so the batch can be committed up to the event before it. */
class PoisonAt {
  constructor(
    readonly index: number,
    readonly error: unknown,
  ) {}
}

type BatchResult = { kind: 'committed'; checkpoint: bigint } | { kind: 'failed'; checkpoint: bigint; applied: number; failure: FailureRecord }

/**
 * Commits `events` as one transaction. When `apply` throws on one, the
 * whole transaction is dropped (its changes are half made) and the events
 * before it are committed again, together with the failure record; `apply`
 * is deterministic, so applying them again gives the same documents. A
 * projection that throws earlier the second time only moves the stop sooner.
 */
async function commitBatch(pass: BuildPass, readFrom: bigint, events: StoredEvent[], clearFailure: boolean, ledger: WrittenDocuments | undefined): Promise<BatchResult> {
  const { projection, build } = pass
  let upTo = events.length
  let poison: PoisonAt | undefined
  let checkEachWrite = false
  for (;;) {
    let written: ReadonlyArray<{ collection: string; id: string }> = []
    let recorded: string[] = []
    try {
      const failure = await pass.readModels.transaction(buildKey(projection.name, build), async (tx) => {
        const view = buildTransaction(tx, projection.name, build, checkEachWrite, ledger, projection.collections)
        written = view.written
        for (let index = 0; index < upTo; index += 1) {
          try {
            await projection.apply(events[index] as StoredEvent, view.tx)
          } catch (error) {
            // A deferred document made while this event read it was made from earlier events; checking each write names the right one.
            if (error instanceof DeferredWriteFailed && !checkEachWrite) throw new RecheckEachWrite()
            throw view.storeFault() ?? new PoisonAt(index, error)
          }
        }
        try {
          await view.flush()
        } catch (error) {
          // Some document of the batch is bad; applying it again with every write checked names the event that wrote it.
          if (!checkEachWrite && ((isKerjasamaError(error) && error.code === 'STORE_INPUT_INVALID') || error instanceof DeferredWriteFailed)) throw new RecheckEachWrite()
          throw error
        }
        recorded = await recordBuildCollections(tx, projection.name, build, collectionsOf(written), pass.knownCollections)
        const checkpoint = upTo === 0 ? readFrom : (events[upTo - 1] as StoredEvent).position
        await commitCheckpoint(tx, readFrom, checkpoint)
        if (poison !== undefined) {
          const record = failureRecordOf(projection.name, build, checkpoint, events[poison.index] as StoredEvent, poison.error, pass.clock())
          await writeFailureRecord(tx, record)
          return record
        }
        if (clearFailure) await clearFailureRecord(tx, projection.name, build)
        return undefined
      })
      ledger?.committed(written)
      for (const collection of recorded) pass.knownCollections.add(collection)
      if (failure === undefined) return { kind: 'committed', checkpoint: upTo === 0 ? readFrom : (events[upTo - 1] as StoredEvent).position }
      return { kind: 'failed', checkpoint: BigInt(failure.checkpoint), applied: upTo, failure }
    } catch (error) {
      // An adapter may check documents only when it commits (the index entries, say): the commit then refuses the batch, and checking each write finds the event.
      if (error instanceof RecheckEachWrite || (!checkEachWrite && isKerjasamaError(error) && error.code === 'STORE_INPUT_INVALID')) {
        checkEachWrite = true
        continue
      }
      if (!(error instanceof PoisonAt)) throw error
      poison = error
      upTo = error.index
    }
  }
}
