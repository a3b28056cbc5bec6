import type { EventMetadata, EventStore, NewEvent, ReadModelStore, SnapshotStore } from '@kerjasama/core'
import type { BenchEvent, BenchSubject } from './benchSubject'

/**
 * A Kerjasama store as a bench subject; the same for both adapters, since
 * both are used through the EventStore port an application sees.
 */
export function kerjasamaSubject(events: EventStore, readModels: ReadModelStore, snapshots: SnapshotStore): BenchSubject {
  return {
    kerjasama: { events, readModels, snapshots },
    async append(streamId, batch, expectedVersion) {
      await events.append(streamId, batch.map(toNewEvent), { expectedVersion: expectedVersion === 0 ? 'none' : expectedVersion })
    },
    // The port has no cheaper way to learn the version than reading the stream, as the agreement service does.
    async readStreamVersion(streamId) {
      let version = 0
      for await (const stored of events.readStream(streamId)) version = stored.version
      return version
    },
    async readStream(streamId) {
      let count = 0
      for await (const _ of events.readStream(streamId)) count += 1
      return count
    },
    async readAll(batchSize, until = Number.POSITIVE_INFINITY) {
      let count = 0
      for await (const _ of events.readAll({ batchSize })) {
        count += 1
        if (count % batchSize === 0 && performance.now() > until) break
      }
      return count
    },
    close: () => events.close(),
  }
}

// The store checks metadata as JSON only; the append workloads' metadata is the issue's (actor and correlation id).
function toNewEvent(event: BenchEvent): NewEvent {
  return { type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata as EventMetadata }
}
