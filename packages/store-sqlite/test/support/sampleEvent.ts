import type { NewEvent } from '@kerjasama/core'

export function event(data: unknown = {}): NewEvent {
  return { type: 'Written', schemaVersion: 1, data, metadata: { actor: { id: 'u-1', role: 'tkksd' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' } }
}

export function events(count: number, label = 'e'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => event({ label, index }))
}
