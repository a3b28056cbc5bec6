import type { EventStore, ReadModelStore } from '@kerjasama/core'
import type { EventStoreOpenOptions, ReadModelFixture, ResolvedContractOptions, StoreFixture } from './fixture'

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

export function eventStoreSuite(makeFixture: () => Promise<StoreFixture>, options: ResolvedContractOptions): EventStoreSuite {
  return {
    options,
    run: (body) => async () => {
      const fixture = await makeFixture()
      const opened: EventStore[] = []
      try {
        await body({
          options,
          tamper: (target) => fixture.tamper(target),
          open: async (openOptions) => {
            const store = await fixture.open(openOptions)
            opened.push(store)
            return store
          },
        })
      } finally {
        // close() is idempotent by contract (R13), so stores the test closed itself are fine here.
        await Promise.allSettled(opened.map((store) => store.close()))
        await fixture.cleanup()
      }
    },
  }
}

export type ReadModelHarness = { open: ReadModelFixture['open']; options: ResolvedContractOptions }

export type ReadModelSuite = {
  options: ResolvedContractOptions
  run(body: (harness: ReadModelHarness) => Promise<void>): () => Promise<void>
}

export function readModelSuite(makeFixture: () => Promise<ReadModelFixture>, options: ResolvedContractOptions): ReadModelSuite {
  return {
    options,
    run: (body) => async () => {
      const fixture = await makeFixture()
      const opened: ReadModelStore[] = []
      try {
        await body({
          options,
          open: async (openOptions) => {
            const store = await fixture.open(openOptions)
            opened.push(store)
            return store
          },
        })
      } finally {
        await Promise.allSettled(opened.map((store) => store.close()))
        await fixture.cleanup()
      }
    },
  }
}
