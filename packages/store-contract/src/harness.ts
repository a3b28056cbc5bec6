import type { EventStore, ReadModelStore, SnapshotStore } from '@kerjasama/core'
import type { EventStoreOpenOptions, ReadModelFixture, ResolvedContractOptions, SnapshotFixture, StoreFixture } from './fixture'

/** A fixture for one test, which closes every store the test opened before cleaning up. */
export type EventStoreHarness = {
  open(options?: EventStoreOpenOptions): Promise<EventStore>
  tamper: StoreFixture['tamper']
  options: ResolvedContractOptions
}

export type EventStoreSuite = {
  options: ResolvedContractOptions
  /** Runs one test body against a fresh fixture. */
  run(body: (harness: EventStoreHarness) => Promise<void>): () => Promise<void>
}

export type ReadModelHarness = { open: ReadModelFixture['open']; options: ResolvedContractOptions }

export type ReadModelSuite = {
  options: ResolvedContractOptions
  run(body: (harness: ReadModelHarness) => Promise<void>): () => Promise<void>
}

export type SnapshotHarness = { open: SnapshotFixture['open']; options: ResolvedContractOptions }

export type SnapshotSuite = {
  options: ResolvedContractOptions
  run(body: (harness: SnapshotHarness) => Promise<void>): () => Promise<void>
}

type Closable = { close(): Promise<void> }
type Fixture<Store extends Closable, OpenOptions> = { open(options?: OpenOptions): Promise<Store>; cleanup(): Promise<void> }

/**
 * One test body against a fresh fixture: every store the body opens is
 * tracked and closed before the fixture is cleaned up, also when the body fails.
 */
function runWithFixture<Store extends Closable, OpenOptions, F extends Fixture<Store, OpenOptions>, Harness>(
  makeFixture: () => Promise<F>,
  harnessFor: (fixture: F, open: (options?: OpenOptions) => Promise<Store>) => Harness,
) {
  return (body: (harness: Harness) => Promise<void>) => async () => {
    const fixture = await makeFixture()
    const opened: Store[] = []
    try {
      await body(
        harnessFor(fixture, async (openOptions) => {
          const store = await fixture.open(openOptions)
          opened.push(store)
          return store
        }),
      )
    } finally {
      // close() is idempotent by contract (R13), so stores the test closed itself are fine here.
      await Promise.allSettled(opened.map((store) => store.close()))
      await fixture.cleanup()
    }
  }
}

export function eventStoreSuite(makeFixture: () => Promise<StoreFixture>, options: ResolvedContractOptions): EventStoreSuite {
  return {
    options,
    run: runWithFixture<EventStore, EventStoreOpenOptions, StoreFixture, EventStoreHarness>(makeFixture, (fixture, open) => ({
      options,
      open,
      tamper: (target) => fixture.tamper(target),
    })),
  }
}

export function readModelSuite(makeFixture: () => Promise<ReadModelFixture>, options: ResolvedContractOptions): ReadModelSuite {
  return {
    options,
    run: runWithFixture<ReadModelStore, Parameters<ReadModelFixture['open']>[0], ReadModelFixture, ReadModelHarness>(makeFixture, (_fixture, open) => ({ options, open })),
  }
}

export function snapshotSuite(makeFixture: () => Promise<SnapshotFixture>, options: ResolvedContractOptions): SnapshotSuite {
  return {
    options,
    run: runWithFixture<SnapshotStore, Parameters<SnapshotFixture['open']>[0], SnapshotFixture, SnapshotHarness>(makeFixture, (_fixture, open) => ({ options, open })),
  }
}
