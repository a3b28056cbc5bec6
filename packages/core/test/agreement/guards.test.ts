import { describe, expect, it } from 'vitest'
import { builtInGuards, decide, defaultPolicy, evolve, guardMessage, initialState, resolvePolicy } from '../../src/agreement'
import type { AgreementCommand, DecideContext } from '../../src/agreement'
import { DeciderSpecification } from '../../src/testing'
import { guardCases } from './guardCases'
import type { GuardCase } from './guardCases'
import { actors, commands, context } from './scenario'

const decider = { decide: (command: unknown, state: Parameters<typeof decide>[1], ctx: DecideContext) => decide(command, state, ctx), evolve, initialState }

function defaultActor(command: Record<string, unknown>) {
  switch (command.type as AgreementCommand['type']) {
    case 'AssessFeasibility': case 'AgreeWorkPlan': return actors.tkksd
    case 'SendOffer': case 'RequestDprdApproval': return actors.bupati
    case 'RecordDprdApproval': return actors.dprd
    case 'RecordOfferResponse': return actors.partner
    case 'RecordMonev': return actors.monev
    default: return actors.opd
  }
}

function when(testCase: GuardCase) {
  const spec = DeciderSpecification.for(decider, () => context({ ...(testCase.policy === undefined ? {} : { policy: testCase.policy }) }))
  return spec.given(testCase.given).when(testCase.command, { actor: testCase.actor ?? defaultActor(testCase.command), ...(testCase.now === undefined ? {} : { now: testCase.now }) })
}

describe('every built-in guard', () => {
  it('has a refusing and a passing case', () => {
    expect(builtInGuards.map((guard) => guard.code).filter((code) => guardCases[code] === undefined)).toEqual([])
  })

  for (const guard of builtInGuards) {
    const cases = guardCases[guard.code]
    if (cases === undefined) continue
    it(`${guard.code} refuses the case it is about, with its code, message and basis`, () => {
      const error = when(cases.refuses).thenViolatesAtLeast(guard.code)
      const violation = error.violations.find((v) => v.code === guard.code)!
      expect(violation.message).toEqual(guardMessage(guard, resolvePolicy(cases.refuses.policy ?? {})))
      expect(violation.basis).toEqual(guard.basis)
    })
    it(`${guard.code} lets the right case through`, () => {
      when(cases.passes).then((events) => expect(events).toHaveLength(1))
    })
  }

  it('has a unique code, messages in both languages and a named basis', () => {
    const codes = builtInGuards.map((guard) => guard.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const guard of builtInGuards) {
      expect(guard.code).toMatch(/^[A-Z][A-Z0-9_]+$/)
      expect(guardMessage(guard, defaultPolicy).id.length).toBeGreaterThan(10)
      expect(guardMessage(guard, defaultPolicy).en.length).toBeGreaterThan(10)
      expect(guard.basis.source.length).toBeGreaterThan(5)
      expect(guard.when.length).toBeGreaterThan(0)
    }
  })

  it('ADMINISTRATIVE_AREA_NOT_A_PARTY holds for the initiating region too, names every administrative code, and leaves other provinces\' kota alone', () => {
    const initiated = when({ given: [], command: commands.identify('KSDPK', { initiatingRegion: '31.71' }), actor: { ...actors.opd, actsFor: '31.71' } }).thenViolatesAtLeast('ADMINISTRATIVE_AREA_NOT_A_PARTY')
    expect(initiated.violations.find((v) => v.code === 'ADMINISTRATIVE_AREA_NOT_A_PARTY')?.details).toEqual({ administrative: ['31.71'], province: '31' })
    const partners = [
      { partnerId: 'jakut', name: 'Kota Administrasi Jakarta Utara', kind: 'daerah', regionCode: '31.72' },
      { partnerId: 'seribu', name: 'Kabupaten Administrasi Kepulauan Seribu', kind: 'daerah', regionCode: '31.01' },
    ]
    const both = when({ given: [], command: commands.identify('KSDD-sukarela', { partners }) }).thenViolatesAtLeast('ADMINISTRATIVE_AREA_NOT_A_PARTY')
    expect(both.violations.find((v) => v.code === 'ADMINISTRATIVE_AREA_NOT_A_PARTY')?.details).toEqual({ administrative: ['31.72', '31.01'], province: '31' })
    // Kota Bandung (32.73) shares the numbering but is a daerah otonom.
    when({ given: [], command: commands.identify('KSDD-sukarela', { partners: [{ partnerId: 'bandung', name: 'Kota Bandung', kind: 'daerah', regionCode: '32.73' }] }) }).then((events) => expect(events).toHaveLength(1))
  })

  it('the policy numbers move the limits: a 6-year public-service plan passes when the region allows 10', () => {
    const refused = guardCases.DURATION_EXCEEDS_LIMIT!.refuses
    when({ ...refused, policy: { maxYearsPublicService: 10 } }).then((events) => expect(events).toHaveLength(1))
  })

  it('signing with an action due 400 days out passes when the region allows 400 days', () => {
    const refused = guardCases.NO_ACTION_DUE_SOON!.refuses
    when({ ...refused, policy: { firstActionWithinDays: 400 } }).then((events) => expect(events).toHaveLength(1))
  })

  it('a DPRD decision dated after the day it is recorded is refused; one dated that very day passes', () => {
    const { given, now } = guardCases.DPRD_DECISION_DATE_OUT_OF_RANGE!.refuses
    const recordedDay = now!.toISOString().slice(0, 10)
    const tomorrow = new Date(now!.getTime() + 86_400_000).toISOString().slice(0, 10)
    const decidedOn = (date: string) => ({ ...guardCases.DPRD_DECISION_DATE_OUT_OF_RANGE!.passes.command, decidedOn: date })
    when({ given, now, command: decidedOn(tomorrow) }).thenViolatesAtLeast('DPRD_DECISION_DATE_OUT_OF_RANGE')
    when({ given, now, command: decidedOn(recordedDay) }).then((events) => expect(events).toHaveLength(1))
  })

  it('policy validation refuses unknown disabled codes and extra guards reusing a built-in code', () => {
    expect(() => resolvePolicy({ disabledGuards: ['NO_SUCH_RULE'] })).toThrowError(/policy/)
    expect(() => resolvePolicy({ extraGuards: [{ ...builtInGuards[1]! }] })).toThrowError(/policy/)
    expect(() => resolvePolicy({ maxYearsPublicService: -1 })).toThrowError(/policy/)
  })
})
