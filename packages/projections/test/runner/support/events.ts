import type { EventStore, NewEvent, StoredEvent } from '@kerjasama/core'

export function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'u-1', role: 'opd' }, correlationId: 'c-1', causationId: 'c-1', recordedAt: '2026-01-01T00:00:00.000Z' },
  }
}

/** Appends one event of `type` to each stream named, in order; returns the last append's last position. */
export async function appendTo(store: EventStore, streams: readonly string[], type = 'Happened'): Promise<bigint> {
  let last = 0n
  for (const streamId of streams) {
    const result = await store.append(streamId, [newEvent(type, { streamId })], { expectedVersion: 'any' })
    last = result.lastPosition
  }
  return last
}

export async function everyEvent(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = []
  for await (const event of store.readAll({ batchSize: 500 })) events.push(event)
  return events
}
