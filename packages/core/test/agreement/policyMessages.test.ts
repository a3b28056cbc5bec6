import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInGuards, defaultPolicy, guardMessage, resolvePolicy } from '../../src/agreement'
import type { AgreementPolicy } from '../../src/agreement'
import { DeciderSpecification } from '../../src/testing'
import { decide, defineGuard, evolve, fold, initialState } from '../../src/agreement'
import type { GuardViolation } from '../../src/errors'
import { guardCases } from './guardCases'
import type { Actor } from '../../src/store'
import { REGION, actors, commands, context, day, eventsThrough, refusal } from './scenario'

// Item 9: a refused officer reads the region's own numbers. With
// firstActionWithinDays 30 the message says "30 hari", never the default 90.

const decider = { decide, evolve, initialState }

/** The message the officer reads when the guard's refusing case is run under this policy. */
function refusedMessage(code: string, policy: Partial<AgreementPolicy>, actor: Actor = actors.opd) {
  const testCase = guardCases[code]!.refuses
  const error = DeciderSpecification.for(decider, () => context({ policy: { ...testCase.policy, ...policy } }))
    .given(testCase.given)
    .when(testCase.command, { actor: testCase.actor ?? actor, ...(testCase.now === undefined ? {} : { now: testCase.now }) })
    .thenViolatesAtLeast(code)
  return error.violations.find((violation) => violation.code === code)!.message
}

describe('messages quote the region’s own numbers', () => {
  it('NO_ACTION_DUE_SOON with firstActionWithinDays 30 reads "30 hari", not 90', () => {
    const message = refusedMessage('NO_ACTION_DUE_SOON', { firstActionWithinDays: 30 }, actors.bupati)
    expect(message.id).toContain('dalam 30 hari')
    expect(message.en).toContain('within 30 days')
    expect(`${message.id} ${message.en}`).not.toContain('90')
  })

  it('DURATION_EXCEEDS_LIMIT quotes both of the region’s limits, Indonesian decimals with a comma', () => {
    const message = refusedMessage('DURATION_EXCEEDS_LIMIT', { maxYearsPublicService: 2.5, maxYearsInfrastructure: 20 }, actors.tkksd)
    expect(message.id).toContain('paling lama 2,5 tahun untuk pelayanan publik dan 20 tahun untuk infrastruktur')
    expect(message.en).toContain('at most 2.5 years for public service and 20 years for infrastructure')
    expect(`${message.id} ${message.en}`).not.toMatch(/(^|[^,.\d])(5|25) (tahun|years)/)
  })

  it('MONEV_SCORE_OFF_RUBRIC quotes a region’s own rubric by its scores', () => {
    const message = refusedMessage('MONEV_SCORE_OFF_RUBRIC', { monevScores: [100, 90, 60, 0] }, actors.monev)
    expect(message.id).toBe('Nilai monev mengikuti rubrik daerah: salah satu dari 100, 90, 60 atau 0')
    expect(message.en).toBe('Monev scores follow the region’s rubric: one of 100, 90, 60 or 0')
    expect(refusedMessage('MONEV_SCORE_OFF_RUBRIC', {}, actors.monev).id).toContain('75 sebagian')
  })

  it('OFFER_REPLY_LATE and DPRD_DECISION_PENDING quote the region’s day counts', () => {
    expect(refusedMessage('OFFER_REPLY_LATE', { offerReplyWithinDays: 14 }, actors.partner).id).toContain('14 hari sejak penawaran dikirim')
    expect(refusedMessage('DPRD_DECISION_PENDING', { dprdDecisionWithinDays: 45 }, actors.bupati).id).toContain('setelah 45 hari sejak permohonan dikirim')
    // No deadline set (the default): the officer learns there is none to wait out.
    expect(refusedMessage('DPRD_DECISION_PENDING', {}, actors.bupati).id).toContain('daerah tidak menetapkan batas waktu')
  })

  it('for all firstActionWithinDays, the message quotes exactly that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), (days) => {
        const message = guardMessage(builtInGuards.find((guard) => guard.code === 'NO_ACTION_DUE_SOON')!, resolvePolicy({ firstActionWithinDays: days }))
        expect(message.id).toContain(`dalam ${days} hari`)
        expect(message.en).toContain(`within ${days} days`)
      }),
    )
  })

  it('every guard a numeric policy option configures words its message from the policy', () => {
    const numericOptions = Object.entries(defaultPolicy).filter(([, value]) => typeof value === 'number' || Array.isArray(value)).map(([key]) => `policy.${key}`)
    const optional = ['policy.offerReplyWithinDays', 'policy.dprdDecisionWithinDays']
    for (const guard of builtInGuards) {
      const options = (guard.configurableBy ?? '').split(', ')
      if (!options.some((option) => numericOptions.includes(option) || optional.includes(option))) continue
      expect([guard.code, typeof guard.message]).toEqual([guard.code, 'function'])
    }
  })

  it('a region’s own guard may word its message from the policy; one whose message breaks refuses with GUARD_FAILED', () => {
    const state = fold(eventsThrough('coordinated'))
    const quoting = defineGuard({
      code: 'JATENG_SIGNING_NOTICE',
      when: ['SignKesepakatanBersama'],
      check: () => false,
      message: (policy) => ({ id: `Penandatanganan diumumkan ${policy.firstActionWithinDays} hari sebelumnya`, en: `Signing is announced ${policy.firstActionWithinDays} days ahead` }),
      basis: { kind: 'policy', source: 'Pergub contoh' },
    })
    const sign = (guard: typeof quoting) => () => decide(commands.sign('SignKesepakatanBersama', REGION), state, context({ actor: actors.bupati, now: day(55), policy: { firstActionWithinDays: 120, extraGuards: [guard] } }))
    const refused = refusal(sign(quoting)) as GuardViolation
    expect(refused.violations.find((violation) => violation.code === 'JATENG_SIGNING_NOTICE')!.message.id).toBe('Penandatanganan diumumkan 120 hari sebelumnya')
    const breaking = defineGuard({ ...quoting, code: 'JATENG_BROKEN_NOTICE', message: () => { throw new TypeError('bug') } })
    expect(refusal(sign(breaking)).code).toBe('GUARD_FAILED')
  })
})
