import type { EventStore } from '@kerjasama/core'

/**
 * The position of the last event readAll delivers now, found without a
 * port method of its own: "is there an event at or after p?" is one readAll
 * round trip of one event, and its answer only changes once as p grows, so
 * an exponential then binary search from a known position finds the head
 * in about 2·log2(distance) round trips — one when nothing is new, some
 * forty for a million events. It is what progress totals and lag are
 * measured against.
 */
export async function findHead(eventStore: Pick<EventStore, 'readAll'>, known: bigint): Promise<bigint> {
  let low = (await firstAtOrAfter(eventStore, known + 1n)) ?? known
  if (low === known) return known
  let step = 1n
  let high: bigint
  for (;;) {
    const found = await firstAtOrAfter(eventStore, low + step)
    if (found === undefined) {
      high = low + step
      break
    }
    low = found
    step *= 2n
  }
  // An event sits at `low`; none at or after `high`.
  while (high - low > 1n) {
    const middle = low + (high - low) / 2n
    const found = await firstAtOrAfter(eventStore, middle)
    if (found === undefined) high = middle
    else low = found
  }
  return low
}

async function firstAtOrAfter(eventStore: Pick<EventStore, 'readAll'>, position: bigint): Promise<bigint | undefined> {
  for await (const event of eventStore.readAll({ fromPosition: position, batchSize: 1 })) return event.position
  return undefined
}
