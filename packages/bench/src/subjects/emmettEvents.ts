import type { BenchEvent } from './benchSubject'
import type { EmmettEvent, EmmettEventStore } from './emmettApi'

export const toEmmettEvents = (events: readonly BenchEvent[]): EmmettEvent[] => events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata }))

/** Emmett's expected version is the stream's version as a bigint, 0n for a stream that must not exist yet. */
export async function appendWithEmmett(store: EmmettEventStore, streamId: string, events: readonly BenchEvent[], expectedVersion: number): Promise<void> {
  await store.appendToStream(streamId, toEmmettEvents(events), { expectedStreamVersion: BigInt(expectedVersion) })
}
