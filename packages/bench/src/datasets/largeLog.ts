import { actionCompletedBatch } from './actionCompleted'
import type { SeedAppend } from './seedAppend'

/** The stream W3 rehydrates, written in the large data set among everyone else's. */
export const LONG_STREAM = 'agreement-long'
export const SEED_BATCH = 1_000

/**
 * The large data set (W6 reads it all, W3 rehydrates one stream of it):
 * `total` ActionCompleted events in appends of up to 1,000, of which
 * `longStreamLength` go to one stream, its appends spread evenly among the
 * others' so its events lie apart in the log, as an agreement's do.
 */
export function* largeLog(total: number, longStreamLength: number): Generator<SeedAppend> {
  const others = total - longStreamLength
  if (others < 0) throw new Error('the long stream cannot be longer than the whole log')
  const longBatches = Math.ceil(longStreamLength / SEED_BATCH)
  const batches = longBatches + Math.ceil(others / SEED_BATCH)
  const longAt = new Set(Array.from({ length: longBatches }, (_, index) => Math.floor((index * batches) / longBatches)))
  let longWritten = 0
  let othersWritten = 0
  for (let batch = 0; batch < batches; batch += 1) {
    if (longAt.has(batch)) {
      const size = Math.min(SEED_BATCH, longStreamLength - longWritten)
      yield { streamId: LONG_STREAM, events: actionCompletedBatch(0, longWritten + 1, size), expectedVersion: longWritten }
      longWritten += size
    } else {
      const size = Math.min(SEED_BATCH, others - othersWritten)
      const stream = batch + 1
      yield { streamId: `agreement-bulk-${stream}`, events: actionCompletedBatch(stream, 1, size), expectedVersion: 0 }
      othersWritten += size
    }
  }
}
