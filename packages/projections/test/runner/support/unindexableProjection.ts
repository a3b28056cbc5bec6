import { defineProjection } from '../../../src'

/** Writes one indexed document per event; at `position` its indexed value is over the 512-byte key limit. */
export function writesUnindexableAt(position: bigint) {
  return defineProjection({
    name: 'keys',
    version: 1,
    collections: { keys: { indexed: ['key'] } },
    apply: async (event, tx) => tx.put('keys', `event-${event.position}`, { key: event.position === position ? 'k'.repeat(600) : 'short' }),
  })
}
