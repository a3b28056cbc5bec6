import { agreementLifecycle, testActors } from '@kerjasama/core/testing'
import type { LifecycleOptions, LifecycleStep, LifecycleVariant } from '@kerjasama/core/testing'
import type { GivenStep } from '../../src/testing'

export const START = '2022-02-22T02:00:00.000Z'
const DAY_MS = 86_400_000

export const officers = testActors

export function instantOf(day: number): string {
  return new Date(Date.parse(START) + day * DAY_MS).toISOString()
}

/** The good-path steps of one agreement, each with its instant. */
export function lifecycle(agreementId: string, variant: LifecycleVariant = 'KSDPK', options: Partial<LifecycleOptions> = {}): Array<LifecycleStep & { at: string }> {
  return agreementLifecycle(variant, { agreementId, start: START, ...options }).map((step) => ({ ...step, at: instantOf(step.day) }))
}

/** The steps up to (not including) the one labelled `stopBefore`, as given steps. */
export function givenUntil(agreementId: string, stopBefore: string | undefined, variant: LifecycleVariant = 'KSDPK'): GivenStep[] {
  const steps = lifecycle(agreementId, variant)
  const end = stopBefore === undefined ? steps.length : steps.findIndex((step) => step.label === stopBefore)
  if (end < 0) throw new Error(`no step ${stopBefore}`)
  return steps.slice(0, end).map((step) => ({ command: step.command, actor: step.actor, at: step.at }))
}

export function stepOf(agreementId: string, label: string, variant: LifecycleVariant = 'KSDPK'): LifecycleStep & { at: string } {
  const step = lifecycle(agreementId, variant).find((candidate) => candidate.label === label)
  if (step === undefined) throw new Error(`no step ${label}`)
  return step
}
