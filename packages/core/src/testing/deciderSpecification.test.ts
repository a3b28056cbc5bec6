import { describe, expect, it } from 'vitest'
import type { AgreementEvent } from '../agreement'
import { agreementLifecycle, agreementSpecification, ceremonial, SpecificationFailed, testActors, testContext } from './index'

// The lifecycle's accepted events, step by step, as the `given` of later steps.
function eventsUntil(label: string): { given: AgreementEvent[]; step: ReturnType<typeof agreementLifecycle>[number] } {
  const steps = agreementLifecycle('KSDPK', { agreementId: 'spec' })
  const given: AgreementEvent[] = []
  for (const step of steps) {
    if (step.label === label) return { given, step }
    const now = new Date(Date.parse('2022-02-22T02:00:00.000Z') + step.day * 86_400_000)
    given.push(...agreementSpecification(() => testContext({ now, actor: step.actor })).given(given).when(step.command).then(() => undefined))
  }
  throw new Error(`no step ${label}`)
}

describe('DeciderSpecification', () => {
  it('then: compares the returned events', () => {
    const { given, step } = eventsUntil('assess')
    const events = agreementSpecification().given(given).when(step.command, { actor: testActors.tkksd }).then((returned) => {
      expect(returned.map((event) => event.type)).toEqual(['FeasibilityAssessed'])
    })
    expect(() => agreementSpecification().given(given).when(step.command, { actor: testActors.tkksd }).then(events)).not.toThrow()
    expect(() => agreementSpecification().given(given).when(step.command, { actor: testActors.tkksd }).then([])).toThrowError(SpecificationFailed)
  })

  it('thenState: folds the new events onto the given state', () => {
    const { given, step } = eventsUntil('map')
    agreementSpecification().given(given).when(step.command).thenState((state) => {
      expect(state.status).toBe('mapped')
    })
  })

  it('thenViolates: exactly the listed guard codes, in any order', () => {
    const { given, step } = eventsUntil('map')
    const absolute = ceremonial.withAffairs(step.command, ['pertahanan'])
    agreementSpecification().given(given).when(absolute).thenViolates('ABSOLUTE_AFFAIR')
    expect(() => agreementSpecification().given(given).when(absolute).thenViolates('UNKNOWN_URUSAN')).toThrowError(SpecificationFailed)
    expect(() => agreementSpecification().given(given).when(step.command).thenViolates('ABSOLUTE_AFFAIR')).toThrowError(SpecificationFailed)
  })

  it('thenThrows: by code or by predicate', () => {
    const { given, step } = eventsUntil('map')
    agreementSpecification().given(given).when(step.command, { actor: testActors.partner }).thenThrows('NOT_AUTHORIZED')
    agreementSpecification().given([]).when({ type: 'Nonsense' }).thenThrows((error) => error instanceof Error && 'code' in error && error.code === 'VALIDATION_FAILED')
    expect(() => agreementSpecification().given(given).when(step.command).thenThrows('NOT_AUTHORIZED')).toThrowError(SpecificationFailed)
  })
})
