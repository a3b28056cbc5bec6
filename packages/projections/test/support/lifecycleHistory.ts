import { createAgreementService } from '@kerjasama/core'
import type { AgreementService, EventStore, RegionDirectory } from '@kerjasama/core'
import { runLifecycle as runCoreLifecycle, testClock } from '@kerjasama/core/testing'
import type { LifecycleOptions, LifecycleStep, LifecycleVariant, TestClock } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'


export type History = { store: EventStore; service: AgreementService; clock: TestClock }

/** `regions` for agreements outside Jawa Tengah, the service's default directory. */
export function newHistory(start = '2022-02-22T02:00:00.000Z', store: EventStore = openMemoryStore(), regions?: RegionDirectory): History {
  const clock = testClock(start)
  return { store, clock, service: createAgreementService({ store, clock, ...(regions === undefined ? {} : { regions }) }) }
}

/** Runs a good-path lifecycle on the history's service from its clock's present instant (see runLifecycle in core/testing). */
export function runLifecycle(
  history: History,
  variant: LifecycleVariant,
  options: LifecycleOptions,
  until: { stopBefore?: string; steps?: number } = {},
): Promise<LifecycleStep[]> {
  return runCoreLifecycle(history.service, history.clock, variant, options, until)
}
