import type { StoredEvent } from '@kerjasama/core'
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
