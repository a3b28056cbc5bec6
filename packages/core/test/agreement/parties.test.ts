import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commandRoles, decide, fold, roles } from '../../src/agreement'
import type { AgreementEvent } from '../../src/agreement'
import { GuardViolation } from '../../src/errors'
import type { Actor } from '../../src/store'
import { REGION, actors, commands, context, day, eventsThrough, goodPath, partnerActor, refusal, run } from './scenario'
import type { Step } from './scenario'

// Item 3 of the hardening issue: an actor names the party it acts for, and a
// command spoken for a party is refused unless the actor acts for it.

const violationCodes = (attempt: () => unknown): string[] => {
  const error = refusal(attempt)
  return error instanceof GuardViolation ? error.violations.map((violation) => violation.code) : [error.code]
}

const twoPartners = [
  { partnerId: 'koperasi-nira', name: 'Koperasi Nira Kelapa', kind: 'pihak-ketiga' as const },
  { partnerId: 'pt-gula', name: 'PT Gula Nusantara', kind: 'pihak-ketiga' as const },
]

/** KSDPK with two partners, offered: each partner answers for itself. */
function offeredToTwo(): AgreementEvent[] {
  const steps = goodPath('KSDPK').slice(0, 4)
  steps[0] = { ...steps[0]!, command: commands.identify('KSDPK', { partners: twoPartners }) }
  return run(steps).events
}

/** Both partners accepted and the plan agreed, KB draft discussed: ready to sign. */
function readyToSignWithTwo(): AgreementEvent[] {
  const more: Step[] = [
    { label: 'a', command: commands.respond('koperasi-nira'), actor: partnerActor('koperasi-nira'), day: 28 },
    { label: 'a', command: commands.respond('pt-gula'), actor: partnerActor('pt-gula'), day: 28 },
    { label: 'p', command: commands.workPlan(), actor: actors.tkksd, day: 35 },
    { label: 'r', command: commands.review('KB'), actor: actors.tkksd, day: 50 },
  ]
  const events = offeredToTwo()
  return run(more, undefined, { events, state: fold(events) }).events
}

describe('who acts for whom', () => {
  it('a partner’s user cannot record another partner’s answer to the offer', () => {
    const state = fold(offeredToTwo())
    const forOther = () => decide(commands.respond('koperasi-nira'), state, context({ actor: partnerActor('pt-gula'), now: day(28) }))
    expect(violationCodes(forOther)).toEqual(['ACTOR_NOT_OF_PARTY'])
    const violation = (refusal(forOther) as GuardViolation).violations[0]!
    expect(violation.details).toEqual({ party: 'koperasi-nira', actsFor: 'pt-gula', role: 'partner' })
    expect(violation.basis.kind).toBe('reg')
    expect(decide(commands.respond('koperasi-nira'), state, context({ actor: partnerActor('koperasi-nira'), now: day(28) }))).toHaveLength(1)
  })

  it('a partner’s user cannot sign the KB for another partner, nor for the region', () => {
    const state = fold(readyToSignWithTwo())
    const sign = (partyId: string, actor: Actor) => () => decide(commands.sign('SignKesepakatanBersama', partyId), state, context({ actor, now: day(55) }))
    expect(violationCodes(sign('koperasi-nira', partnerActor('pt-gula')))).toEqual(['ACTOR_NOT_OF_PARTY'])
    expect(violationCodes(sign(REGION, partnerActor('pt-gula')))).toEqual(['ACTOR_NOT_OF_PARTY'])
    expect(sign('pt-gula', partnerActor('pt-gula'))()).toHaveLength(1)
  })

  it('another region’s kepala daerah can neither send the offer nor sign for the initiating region', () => {
    const semarang: Actor = { id: 'wali-kota-semarang', role: 'kepala-daerah', actsFor: '33.74' }
    expect(violationCodes(() => decide(commands.offer(), fold(eventsThrough('assessed')), context({ actor: semarang, now: day(21) })))).toEqual(['ACTOR_NOT_OF_INITIATING_REGION'])
    expect(violationCodes(() => decide(commands.sign('SignKesepakatanBersama', REGION), fold(eventsThrough('coordinated')), context({ actor: semarang, now: day(55) })))).toEqual(['ACTOR_NOT_OF_PARTY'])
  })

  it('an officer cannot identify an agreement for a region they do not serve', () => {
    const semarangOpd: Actor = { id: 'opd-semarang', role: 'opd', actsFor: '33.74' }
    expect(violationCodes(() => decide(commands.identify('KSDPK'), fold([]), context({ actor: semarangOpd })))).toEqual(['ACTOR_NOT_OF_INITIATING_REGION'])
  })

  it('the DPRD decision is the initiating region’s DPRD’s: a partner region’s DPRD is refused', () => {
    const steps = goodPath('KSDD-sukarela')
    const accepted = steps.slice(0, steps.map((step) => step.label).lastIndexOf('accepted') + 1)
    const { state } = run([
      ...accepted,
      { label: 'plan', command: commands.workPlan({ burdensPublic: true }), actor: actors.tkksd, day: 35 },
      { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 50 },
      { label: 'kb', command: commands.sign('SignKesepakatanBersama', REGION), actor: actors.bupati, day: 55 },
      { label: 'kb', command: commands.sign('SignKesepakatanBersama', '33.06'), actor: partnerActor('33.06'), day: 55 },
      { label: 'ask', command: commands.dprdRequest(), actor: actors.bupati, day: 56 },
    ])
    const purworejoDprd: Actor = { id: 'dprd-purworejo', role: 'dprd', actsFor: '33.06' }
    expect(violationCodes(() => decide(commands.dprd(), state, context({ actor: purworejoDprd, now: day(58) })))).toEqual(['ACTOR_NOT_OF_INITIATING_REGION'])
    expect(decide(commands.dprd(), state, context({ actor: actors.dprd, now: day(58) }))).toHaveLength(1)
  })

  it('a daerah partner’s users may act for its partnerId or for its region code', () => {
    const purworejo = { partnerId: 'pemkab-purworejo', name: 'Kabupaten Purworejo', kind: 'daerah' as const, regionCode: '33.06' }
    const steps = goodPath('KSDD-sukarela').slice(0, 4)
    steps[0] = { ...steps[0]!, command: commands.identify('KSDD-sukarela', { partners: [purworejo] }) }
    const offered = fold(run(steps).events)
    for (const actsFor of ['pemkab-purworejo', '33.06']) {
      expect(decide(commands.respond('pemkab-purworejo'), offered, context({ actor: { id: 'u', role: 'partner', actsFor }, now: day(28) }))).toHaveLength(1)
    }
    expect(violationCodes(() => decide(commands.respond('pemkab-purworejo'), offered, context({ actor: { id: 'u', role: 'partner', actsFor: '33.07' }, now: day(28) })))).toEqual(['ACTOR_NOT_OF_PARTY'])
  })

  it('TKKSD may no longer record a partner’s answer: the answer is the partner’s own', () => {
    expect(commandRoles.RecordOfferResponse).toEqual(['partner'])
    expect(refusal(() => decide(commands.respond('koperasi-nira'), fold(eventsThrough('offered')), context({ actor: actors.tkksd, now: day(28) }))).code).toBe('NOT_AUTHORIZED')
  })

  it('an action is reported by a party of the agreement, each for itself; anyone else is refused', () => {
    const signed = fold(eventsThrough('signed'))
    const start = (actor: Actor) => () => decide(commands.start(), signed, context({ actor, now: day(70) }))
    expect(start(actors.opd)()).toHaveLength(1)
    expect(start(partnerActor('koperasi-nira'))()).toHaveLength(1)
    expect(violationCodes(start(partnerActor('pt-lain')))).toEqual(['ACTOR_OUTSIDE_AGREEMENT'])
    expect(violationCodes(start({ ...actors.opd, actsFor: '33.74' }))).toEqual(['ACTOR_OUTSIDE_AGREEMENT'])
    // A region's officer acting "for" a third-party partner is not that partner's own user.
    expect(violationCodes(start({ ...actors.opd, actsFor: 'koperasi-nira' }))).toEqual(['ACTOR_OUTSIDE_AGREEMENT'])
  })

  it('for all good-path steps and any actor of another party, the step is refused and never recorded', () => {
    const steps = goodPath('KSDPK')
    const states = steps.map((_, index) => fold(run(steps.slice(0, index)).events))
    const stranger = fc.string({ minLength: 1, maxLength: 12 }).filter((actsFor) => actsFor.trim() !== '' && ![REGION, 'koperasi-nira'].includes(actsFor))
    fc.assert(
      fc.property(fc.nat({ max: steps.length - 1 }), fc.constantFrom(...roles), stranger, (index, role, actsFor) => {
        const step = steps[index]!
        const outcome = violationCodes(() => decide(step.command, states[index]!, context({ actor: { id: 'u', role, actsFor }, now: day(step.day) })))
        // The role may be wrong as well; when it is right, the party rule refuses.
        if (outcome[0] !== 'NOT_AUTHORIZED') expect(outcome.some((code) => code.startsWith('ACTOR_'))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
