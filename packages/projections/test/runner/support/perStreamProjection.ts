import type { ReadModelStore, StoredEvent } from '@kerjasama/core'
import { defineProjection } from '../../../src'
import type { Projection } from '../../../src'

/**
 * One document per stream in a declared, indexed collection, and its fold
 * in an undeclared one, as the built-in read models keep theirs: a build of
 * it spreads over two collections, one of which only its record names.
 */
export function perStreamProjection(version: number): Projection {
  return defineProjection({
    name: 'per-stream',
    version,
    collections: { streams: { indexed: ['kind'] } },
    async apply(event: StoredEvent, tx) {
      const fold = (await tx.get('stream-fold', event.streamId)) as { events: number } | undefined
      const events = (fold?.events ?? 0) + 1
      await tx.put('stream-fold', event.streamId, { events })
      await tx.put('streams', event.streamId, { kind: event.streamId.split('-')[0] as string, events, builtBy: version })
    },
  })
}

/** Every document of a physical collection, read page by page as a reader would. */
export async function physicalDocuments(store: Pick<ReadModelStore, 'query'>, collection: string): Promise<Record<string, unknown>> {
  const documents: Record<string, unknown> = {}
  let after: string | undefined
  do {
    const page = await store.query(collection, { limit: 500, ...(after === undefined ? {} : { after }) })
    for (const item of page.items) documents[item.id] = item.document
    after = page.next
  } while (after !== undefined)
  return documents
}

/** A clock a test moves by hand. */
export function handClock(start = Date.parse('2026-12-01T00:00:00Z')): { clock: () => Date; advance: (ms: number) => void } {
  let now = start
  return { clock: () => new Date(now), advance: (ms) => (now += ms) }
}
