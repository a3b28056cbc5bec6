import { describe, expect, it } from 'vitest'
import { decide, evolve, initialState } from '../agreement'
import { actorFor, agreementLifecycle, sequentialIds, testActors, testClock, testContext } from './index'

describe('test fixtures', () => {
  it('testClock stands still until moved, and moves exactly as told', () => {
    const clock = testClock('2022-02-22T02:00:00.000Z')
    expect(clock().toISOString()).toBe('2022-02-22T02:00:00.000Z')
    expect(clock().toISOString()).toBe('2022-02-22T02:00:00.000Z')
    expect(clock.advance({ days: 90, hours: 1 }).toISOString()).toBe('2022-05-23T03:00:00.000Z')
    expect(clock.set('2023-01-01T00:00:00.000Z').toISOString()).toBe('2023-01-01T00:00:00.000Z')
    expect(() => testClock('not a date')).toThrowError()
  })

  it('sequentialIds are predictable and sort in creation order', () => {
    const ids = sequentialIds('x')
    const made = [ids(), ids(), ids()]
    expect(made).toEqual(['x-000001', 'x-000002', 'x-000003'])
    expect([...made].sort()).toEqual(made)
  })

  it('there is one actor per role', () => {
    for (const [role, actor] of Object.entries(testActors)) expect(actor.role).toBe(role)
    expect(actorFor('dprd', 'dprd-jateng', '33')).toEqual({ id: 'dprd-jateng', role: 'dprd', actsFor: '33' })
    expect(actorFor('partner').actsFor).toBe(testActors.partner.actsFor)
  })

  it('each lifecycle variant ends in monev, signs the documents its kind needs, and never goes back in time', () => {
    const signing = { KSDPK: ['SignKesepakatanBersama', 'SignPerjanjianKerjaSama'], 'KSDD-sukarela': ['SignKesepakatanBersama', 'SignPerjanjianKerjaSama'], Sinergi: ['SignNotaKesepakatan'] } as const
    for (const variant of ['KSDPK', 'KSDD-sukarela', 'Sinergi'] as const) {
      const steps = agreementLifecycle(variant, { agreementId: 'a' })
      expect(steps[0]!.command.type).toBe('IdentifyCooperation')
      expect(steps.at(-1)!.reaches).toBe('evaluated')
      expect([...new Set(steps.map((step) => step.command.type).filter((type) => type.startsWith('Sign')))]).toEqual(signing[variant])
      expect(steps.map((step) => step.day)).toEqual([...steps.map((step) => step.day)].sort((a, b) => a - b))
    }
  })

  it('every lifecycle, with or without the DPRD, is accepted step by step by the decider and reaches what each step says', () => {
    for (const variant of ['KSDPK', 'KSDD-sukarela', 'Sinergi'] as const) {
      for (const dprd of [false, true]) {
        const start = new Date('2022-02-22T02:00:00.000Z')
        const steps = agreementLifecycle(variant, { agreementId: 'a', start, dprd })
        expect(steps.some((step) => step.command.type === 'RequestDprdApproval')).toBe(dprd)
        let state = initialState
        for (const step of steps) {
          const now = new Date(start.getTime() + step.day * 86_400_000)
          for (const event of decide(step.command, state, testContext({ now, actor: step.actor }))) state = evolve(state, event)
          expect([variant, dprd, step.label, state.status]).toEqual([variant, dprd, step.label, step.reaches])
        }
      }
    }
  })
})
