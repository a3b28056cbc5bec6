import type { EventMetadata, EventStore, NewEvent, StoredEvent } from '@kerjasama/core'

let sequence = 0

/** A value unique within this process, so ids never collide across tests sharing a database. */
export function unique(prefix: string): string {
  sequence += 1
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${sequence}`
}

export function sampleMetadata(extra: Record<string, unknown> = {}): EventMetadata {
  return {
    actor: { id: 'u-17', role: 'tkksd' },
    correlationId: 'corr-1',
    causationId: 'cause-1',
    recordedAt: '2026-01-15T08:00:00.000Z',
    ...extra,
  }
}

export function sampleEvent(data: unknown = { n: 1 }, overrides: Partial<NewEvent> = {}): NewEvent {
  return { type: 'SampleRecorded', schemaVersion: 1, data, metadata: sampleMetadata(), ...overrides }
}

export function sampleEvents(count: number, label = 'e'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => sampleEvent({ label, index }))
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

export function readAllEvents(store: EventStore, options?: Parameters<EventStore['readAll']>[0]): Promise<StoredEvent[]> {
  return collect(store.readAll(options))
}

export function readStreamEvents(store: EventStore, streamId: string, options?: Parameters<EventStore['readStream']>[1]): Promise<StoredEvent[]> {
  return collect(store.readStream(streamId, options))
}

/** JSON's own round trip: what any store must give back for a value it accepted. */
export function viaJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}
