import { createAgreementService } from '@kerjasama/core'
import type { AgreementService, EventStore } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import type { LifecycleOptions, LifecycleStep, LifecycleVariant, TestClock } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'

const DAY_MS = 86_400_000

export type History = { store: EventStore; service: AgreementService; clock: TestClock }

export function newHistory(start = '2022-02-22T02:00:00.000Z', store: EventStore = openMemoryStore()): History {
  const clock = testClock(start)
  return { store, clock, service: createAgreementService({ store, clock }) }
}

/**
 * Runs a good-path lifecycle up to (not including) the first step whose label
 * starts with `stopBefore`, moving the clock to each step's day. Returns the
 * steps run, so a test can check what the read model should show.
 */
export async function runLifecycle(
  history: History,
  variant: LifecycleVariant,
  options: LifecycleOptions,
  until: { stopBefore?: string; steps?: number } = {},
): Promise<LifecycleStep[]> {
  const start = history.clock()
  const all = agreementLifecycle(variant, { ...options, start })
  const stopAt = until.stopBefore === undefined ? -1 : all.findIndex((step) => step.label.startsWith(until.stopBefore as string))
  const steps = all.slice(0, until.steps ?? (stopAt === -1 ? all.length : stopAt))
  for (const step of steps) {
    const target = start.getTime() + step.day * DAY_MS
    if (target > history.clock().getTime()) history.clock.set(new Date(target))
    await history.service.execute(step.command, { actor: step.actor })
  }
  return steps
}
