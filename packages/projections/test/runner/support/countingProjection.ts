import type { ReadModelReader, StoredEvent } from '@kerjasama/core'
import { defineProjection } from '../../../src'
import type { Projection } from '../../../src'

/** The stream type is what comes before the first '-' of a stream id: `agreement-7` is an `agreement`. */
export function streamTypeOf(event: Pick<StoredEvent, 'streamId'>): string {
  return event.streamId.split('-')[0] as string
}

export type CountDocument = { streamType: string; events: number; order: number; lastPosition: string }

// Folding positions through a hash makes the document depend on order: an
// event applied twice, skipped or out of order gives another `order`.
function foldOrder(order: number, position: bigint): number {
  return (order * 31 + Number(position % 1_000_003n)) % 2_147_483_647
}

/** A user projection, made the way the built-ins are: events counted per stream type. */
export function countingProjection(overrides: Partial<Projection> = {}): Projection {
  return defineProjection({
    name: 'counts',
    version: 1,
    collections: { counts: { indexed: ['streamType'] } },
    async apply(event, tx) {
      const streamType = streamTypeOf(event)
      const previous = (await tx.get('counts', streamType)) as CountDocument | undefined
      const next: CountDocument = {
        streamType,
        events: (previous?.events ?? 0) + 1,
        order: foldOrder(previous?.order ?? 0, event.position),
        lastPosition: String(event.position),
      }
      await tx.put('counts', streamType, next)
    },
    ...overrides,
  })
}

/** The reference fold: every event applied once, in position order. */
export function referenceCounts(events: readonly StoredEvent[]): Record<string, CountDocument> {
  const documents: Record<string, CountDocument> = {}
  for (const event of [...events].sort((a, b) => (a.position < b.position ? -1 : 1))) {
    const streamType = streamTypeOf(event)
    const previous = documents[streamType]
    documents[streamType] = {
      streamType,
      events: (previous?.events ?? 0) + 1,
      order: foldOrder(previous?.order ?? 0, event.position),
      lastPosition: String(event.position),
    }
  }
  return documents
}

/** Every document of a logical collection, through a reader, page by page. */
export async function documentsOf(reader: ReadModelReader, collection: string): Promise<Record<string, unknown>> {
  const documents: Record<string, unknown> = {}
  let after: string | undefined
  do {
    const page = await reader.query(collection, { limit: 500, ...(after === undefined ? {} : { after }) })
    for (const item of page.items) documents[item.id] = item.document
    after = page.next
  } while (after !== undefined)
  return documents
}
