import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GuardViolation } from '../../src/errors'
import { decide, evolve, fold, parseAgreementEvent, termEndsAt } from '../../src/agreement'
import { regionToday } from '../../src/agreement/indonesianDays'
import type { AgreementEvent, AgreementState } from '../../src/agreement'
import type { Actor } from '../../src/store'
import { REGION, actors, commands, context, day, eventsThrough, goodPath, isoDay, partnerActor, partnersFor, run } from './scenario'

// The good path (scenario.ts): work plan day 35, KB draft reviewed day 50, KB
// signed day 55, PKS draft reviewed day 56, PKS signed day 60, action started
// day 70, completed day 85, monev day 180.

const partner = partnersFor.KSDPK[0]!.partnerId
const signPks = (partyId: string, occurredOn?: string) => ({ ...commands.sign('SignPerjanjianKerjaSama', partyId), ...(occurredOn === undefined ? {} : { occurredOn }) })

function attempt(command: Record<string, unknown>, events: AgreementEvent[], now: Date, actor: Actor = actors.opd, policy = {}): { events: AgreementEvent[] } | { codes: string[]; details: Record<string, unknown> } {
  try {
    return { events: decide(command, fold(events), context({ now, actor, policy })) }
  } catch (error) {
    const violations = (error as GuardViolation).violations
    if (violations === undefined) throw error
    return { codes: violations.map((violation) => violation.code), details: Object.fromEntries(violations.map((violation) => [violation.code, violation.details])) }
  }
}

function refusedWith(outcome: ReturnType<typeof attempt>, code: string): Record<string, unknown> | undefined {
  expect('codes' in outcome ? outcome.codes : []).toContain(code)
  return 'details' in outcome ? (outcome.details[code] as Record<string, unknown> | undefined) : undefined
}

function accepted(outcome: ReturnType<typeof attempt>): AgreementEvent {
  expect('codes' in outcome ? outcome.codes : []).toEqual([])
  return (outcome as { events: AgreementEvent[] }).events[0]!
}

/** The good path up to and including the KB draft review, with steps of our own after it. */
function pathUntilKbReview(): AgreementEvent[] {
  const steps = goodPath('KSDPK')
  return run(steps.slice(0, steps.findIndex((step) => step.command.type === 'SignKesepakatanBersama'))).events
}

describe('the day a step happened (occurredOn)', () => {
  it('is today on the initiating region’s clock when the command names none, and the given day when it does, in every dated event', () => {
    // 17:00 in Kebumen (WIB): the same day as in UTC.
    const now = new Date(`${isoDay(90)}T10:00:00.000Z`)
    const signed = eventsThrough('signed')
    const cases: Array<[Record<string, unknown>, AgreementEvent[], Actor]> = [
      [commands.sign('SignKesepakatanBersama', REGION), pathUntilKbReview(), actors.bupati],
      [signPks(REGION), eventsThrough('kb-signed'), actors.bupati],
      [commands.sign('SignNotaKesepakatan', REGION), eventsThrough('coordinated', 'Sinergi'), actors.bupati],
      [commands.start(), signed, actors.opd],
      [commands.complete(), eventsThrough('started'), actors.opd],
      [commands.monev(), eventsThrough('implemented'), actors.monev],
    ]
    for (const [command, given, actor] of cases) {
      const today = accepted(attempt(command, given, now, actor))
      expect(today.data).toMatchObject({ occurredOn: isoDay(90), at: now.toISOString() })
      const earlier = accepted(attempt({ ...command, occurredOn: isoDay(72) }, given, now, actor))
      expect(earlier.data).toMatchObject({ occurredOn: isoDay(72), at: now.toISOString() })
    }
  })

  it('counts today in the initiating region’s time zone: at 23:30 UTC a Kebumen monev left undated is held the next day, 06:30 WIB', () => {
    const lateUtc = new Date(`${isoDay(180)}T23:30:00.000Z`)
    expect(accepted(attempt(commands.monev(), eventsThrough('implemented'), lateUtc, actors.monev)).data).toMatchObject({ occurredOn: isoDay(181) })
    expect(regionToday(lateUtc, REGION)).toBe(isoDay(181))
    // 15:30 UTC: 22:30 in Kebumen (WIB) and 23:30 in Mataram (WITA), but already 00:30 in Jayapura (WIT); a code of no province keeps UTC.
    const afternoonUtc = new Date(`${isoDay(180)}T15:30:00.000Z`)
    expect([REGION, '52.71', '91.71', '81.71', 'XX'].map((code) => regionToday(afternoonUtc, code))).toEqual([isoDay(180), isoDay(180), isoDay(181), isoDay(181), isoDay(180)])
  })

  it('must be a calendar date: an instant or a misspelt field is refused with VALIDATION_FAILED', () => {
    expect(() => decide({ ...commands.start(), occurredOn: `${isoDay(65)}T10:00:00Z` }, fold(eventsThrough('signed')), context({ now: day(70) }))).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(() => decide({ ...commands.start(), occuredOn: isoDay(65) }, fold(eventsThrough('signed')), context({ now: day(70) }))).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })

  it('is kept in the state beside the recording instant: each signature, each action’s start and completion, each monev', () => {
    const history = run(
      [
        { label: 's', command: { ...commands.start(), occurredOn: isoDay(66) }, actor: actors.opd, day: 70 },
        { label: 'c', command: { ...commands.complete(), occurredOn: isoDay(80) }, actor: actors.opd, day: 85 },
        { label: 'm', command: { ...commands.monev(), occurredOn: isoDay(170) }, actor: actors.monev, day: 180 },
      ],
      undefined,
      { events: eventsThrough('signed'), state: fold(eventsThrough('signed')) },
    )
    const action = history.state.term.workPlan!.actions[0]!
    expect(action).toMatchObject({ startedAt: day(70).toISOString(), startedOn: isoDay(66), completedAt: day(85).toISOString(), completedOn: isoDay(80) })
    expect(history.state.term.monev[0]).toMatchObject({ at: day(180).toISOString(), heldOn: isoDay(170) })
    expect(history.state.term.signatures.PKS.map((signature) => signature.occurredOn)).toEqual([isoDay(60), isoDay(60)])
    expect(history.state.status).toBe('evaluated')
  })
})

describe('evaluated', () => {
  const implemented = () => fold(eventsThrough('implemented'))
  const monevOn = (heldOn: string, enteredDay: number) => run([{ label: 'm', command: { ...commands.monev(), occurredOn: heldOn }, actor: actors.monev, day: enteredDay }], undefined, { events: [], state: implemented() }).state

  it('needs a monev held on or after the day the work was done, whenever it was entered', () => {
    // The action was completed on day 85. A monev held on day 80 and entered on day 90 did not evaluate that work.
    expect(monevOn(isoDay(80), 90).status).toBe('implemented')
    expect(monevOn(isoDay(85), 90).status).toBe('evaluated')
  })

  it('counts a monev held the same day as the work by when each was recorded, as before steps had days', () => {
    const sameDayEarlier = run([{ label: 'm', command: commands.monev(), actor: actors.monev, day: 85 - 0.01 }], undefined, { events: [], state: fold(eventsThrough('started')) })
    const thenCompleted = run([{ label: 'c', command: commands.complete(), actor: actors.opd, day: 85 }], undefined, sameDayEarlier)
    expect(thenCompleted.state.status).toBe('implemented')
  })
})

describe('events recorded before occurredOn existed', () => {
  // Written as version 1 was written before: no occurredOn anywhere.
  const legacy = (): AgreementEvent[] =>
    eventsThrough('evaluated').map((event) => {
      const { occurredOn: _dropped, ...data } = event.data as { occurredOn?: string }
      return parseAgreementEvent(event.type, 1, JSON.parse(JSON.stringify(data)))
    })

  it('still parse under schemaVersion 1 and fold, each step happening on the day it was recorded', () => {
    const events = legacy()
    expect(events.some((event) => 'occurredOn' in event.data)).toBe(false)
    const state = fold(events)
    expect(state.status).toBe('evaluated')
    expect(state.term.signatures.KB.map((signature) => signature.occurredOn)).toEqual([isoDay(55), isoDay(55)])
    expect(state.term).toMatchObject({ signedAt: day(60).toISOString(), signedOn: isoDay(60) })
    expect(state.term.workPlan!.actions[0]).toMatchObject({ startedOn: isoDay(70), completedOn: isoDay(85) })
    expect(state.term.monev[0]!.heldOn).toBe(isoDay(180))
  })

  it('fold to the same state as the events decide writes today, when every step was recorded the day it happened', () => {
    expect(fold(legacy())).toEqual(fold(eventsThrough('evaluated')))
  })

  it('are judged by the new rules from their recording days', () => {
    const events = legacy().slice(0, eventsThrough('signed').length)
    refusedWith(attempt({ ...commands.start(), occurredOn: isoDay(59) }, events, day(70)), 'OCCURRED_BEFORE_PREVIOUS_STEP')
    accepted(attempt({ ...commands.start(), occurredOn: isoDay(60) }, events, day(70)))
  })
})

describe('OCCURRED_IN_FUTURE and OCCURRED_BEFORE_PREVIOUS_STEP', () => {
  it('a day after today is refused for each dated command, the details naming both days', () => {
    const details = refusedWith(attempt({ ...commands.monev(), occurredOn: isoDay(181) }, eventsThrough('implemented'), day(180), actors.monev), 'OCCURRED_IN_FUTURE')
    expect(details).toEqual({ occurredOn: isoDay(181), recordedOn: isoDay(180) })
    refusedWith(attempt({ ...commands.sign('SignKesepakatanBersama', REGION), occurredOn: isoDay(56) }, pathUntilKbReview(), day(55), actors.bupati), 'OCCURRED_IN_FUTURE')
    refusedWith(attempt({ ...commands.complete(), occurredOn: isoDay(86) }, eventsThrough('started'), day(85)), 'OCCURRED_IN_FUTURE')
  })

  it('a day is after today only once it has begun nowhere in Indonesia: at 16:00 UTC a Kebumen store takes the next day (already begun in WIT) and refuses the day after', () => {
    const evening = new Date(`${isoDay(180)}T16:00:00.000Z`)
    expect(accepted(attempt({ ...commands.start(), occurredOn: isoDay(181) }, eventsThrough('signed'), evening)).data).toMatchObject({ occurredOn: isoDay(181) })
    const details = refusedWith(attempt({ ...commands.start(), occurredOn: isoDay(182) }, eventsThrough('signed'), evening), 'OCCURRED_IN_FUTURE')
    // The day it is recorded, as Kebumen counts it: 23:00 WIB.
    expect(details).toEqual({ occurredOn: isoDay(182), recordedOn: isoDay(180) })
  })

  it('a signature before TKKSD discussed its draft is refused, naming the review', () => {
    const details = refusedWith(attempt({ ...commands.sign('SignKesepakatanBersama', REGION), occurredOn: isoDay(49) }, pathUntilKbReview(), day(55), actors.bupati), 'OCCURRED_BEFORE_PREVIOUS_STEP')
    expect(details).toEqual({ occurredOn: isoDay(49), follows: 'draft-review', followsOn: isoDay(50) })
    accepted(attempt({ ...commands.sign('SignKesepakatanBersama', REGION), occurredOn: isoDay(50) }, pathUntilKbReview(), day(55), actors.bupati))
  })

  it('a KB signature before the work plan is refused, even when TKKSD discussed the draft earlier', () => {
    const steps = goodPath('KSDPK')
    const accepted28 = steps.slice(0, steps.map((step) => step.label).lastIndexOf('accepted') + 1)
    const events = run([
      ...accepted28,
      { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 30 },
      { label: 'plan', command: commands.workPlan(), actor: actors.tkksd, day: 35 },
    ]).events
    const details = refusedWith(attempt({ ...commands.sign('SignKesepakatanBersama', REGION), occurredOn: isoDay(32) }, events, day(40), actors.bupati), 'OCCURRED_BEFORE_PREVIOUS_STEP')
    expect(details).toMatchObject({ follows: 'work-plan', followsOn: isoDay(35) })
  })

  it('a PKS signature before the last KB signature is refused', () => {
    // TKKSD discussed both drafts early, so the KB signatures are the latest step before the PKS.
    const steps = goodPath('KSDPK')
    const untilKbReview = steps.slice(0, steps.findIndex((step) => step.command.type === 'SignKesepakatanBersama'))
    const events = run([
      ...untilKbReview,
      { label: 'review PKS', command: commands.review('PKS'), actor: actors.tkksd, day: 51 },
      { label: 'kb', command: commands.sign('SignKesepakatanBersama', REGION), actor: actors.bupati, day: 53 },
      { label: 'kb', command: { ...commands.sign('SignKesepakatanBersama', partner), occurredOn: isoDay(54) }, actor: partnerActor(partner), day: 57 },
    ]).events
    const details = refusedWith(attempt(signPks(REGION, isoDay(53)), events, day(58), actors.bupati), 'OCCURRED_BEFORE_PREVIOUS_STEP')
    expect(details).toMatchObject({ follows: 'kb-signed', followsOn: isoDay(54) })
    accepted(attempt(signPks(REGION, isoDay(54)), events, day(58), actors.bupati))
  })

  it('a PKS signature before the DPRD decided is refused', () => {
    const steps = goodPath('KSDPK')
    const accepted28 = steps.slice(0, steps.map((step) => step.label).lastIndexOf('accepted') + 1)
    const events = run([
      ...accepted28,
      { label: 'plan', command: commands.workPlan({ burdensPublic: true }), actor: actors.tkksd, day: 35 },
      { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 50 },
      { label: 'kb', command: commands.sign('SignKesepakatanBersama', REGION), actor: actors.bupati, day: 55 },
      { label: 'kb', command: commands.sign('SignKesepakatanBersama', partner), actor: partnerActor(partner), day: 55 },
      { label: 'review PKS', command: commands.review('PKS'), actor: actors.tkksd, day: 55 },
      { label: 'ask', command: commands.dprdRequest(), actor: actors.bupati, day: 56 },
      { label: 'decide', command: commands.dprd(true, 58), actor: actors.dprd, day: 60 },
    ]).events
    const details = refusedWith(attempt(signPks(REGION, isoDay(57)), events, day(61), actors.bupati), 'OCCURRED_BEFORE_PREVIOUS_STEP')
    expect(details).toMatchObject({ follows: 'dprd-decision', followsOn: isoDay(58) })
    accepted(attempt(signPks(REGION, isoDay(58)), events, day(61), actors.bupati))
  })

  it('an action completed before it started, or (never started) before the signing, and a monev before the signing, are refused', () => {
    expect(refusedWith(attempt({ ...commands.complete(), occurredOn: isoDay(69) }, eventsThrough('started'), day(85)), 'OCCURRED_BEFORE_PREVIOUS_STEP')).toMatchObject({ follows: 'action-start', followsOn: isoDay(70) })
    accepted(attempt({ ...commands.complete(), occurredOn: isoDay(70) }, eventsThrough('started'), day(85)))
    expect(refusedWith(attempt({ ...commands.complete(), occurredOn: isoDay(59) }, eventsThrough('signed'), day(85)), 'OCCURRED_BEFORE_PREVIOUS_STEP')).toMatchObject({ follows: 'signing', followsOn: isoDay(60) })
    expect(refusedWith(attempt({ ...commands.monev(), occurredOn: isoDay(59) }, eventsThrough('implemented'), day(180), actors.monev), 'OCCURRED_BEFORE_PREVIOUS_STEP')).toMatchObject({ follows: 'signing' })
    accepted(attempt({ ...commands.monev(), occurredOn: isoDay(60) }, eventsThrough('implemented'), day(180), actors.monev))
  })

  it('for all days around the signing and today, a start is accepted exactly when signing day ≤ day ≤ today, and the state keeps that day', () => {
    const signed = eventsThrough('signed')
    const state = fold(signed)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 30, max: 120 }), (todayOffset, dayNumber) => {
        const today = 60 + todayOffset
        const outcome = attempt({ ...commands.start(), occurredOn: isoDay(dayNumber) }, signed, day(today))
        const shouldPass = dayNumber >= 60 && dayNumber <= today
        if (!shouldPass) {
          expect('codes' in outcome ? outcome.codes : []).toEqual([dayNumber > today ? 'OCCURRED_IN_FUTURE' : 'OCCURRED_BEFORE_PREVIOUS_STEP'])
          return
        }
        const event = accepted(outcome)
        expect(evolve(state, event).term.workPlan!.actions[0]!.startedOn).toBe(isoDay(dayNumber))
      }),
      { numRuns: 300 },
    )
  })
})

describe('the signing day', () => {
  it('is the latest day any party signed, not the day of the signature recorded last', () => {
    // The region signs the PKS on day 61 and records it at once; the cooperative signed on day 60 but is recorded on day 62.
    const events = run(
      [
        { label: 'pks', command: signPks(REGION), actor: actors.bupati, day: 61 },
        { label: 'pks', command: signPks(partner, isoDay(60)), actor: partnerActor(partner), day: 62 },
      ],
      undefined,
      { events: eventsThrough('kb-signed'), state: fold(eventsThrough('kb-signed')) },
    )
    expect(events.state.status).toBe('signed')
    expect(events.state.term).toMatchObject({ signedAt: day(62).toISOString(), signedOn: isoDay(61) })
  })

  it('starts a term counted in years: signed on 23 April, entered on 26 April, a three-year term ends on 23 April', () => {
    const kbSigned = fold(eventsThrough('kb-signed'))
    const april23 = isoDay(60)
    const entered = day(63)
    const state = [signPks(REGION, april23), signPks(partner, april23)].reduce<AgreementState>((current, command, index) => {
      const [event] = decide(command, current, context({ now: entered, actor: index === 0 ? actors.bupati : partnerActor(partner) }))
      return evolve(current, event!)
    }, kbSigned)
    expect(state.term).toMatchObject({ signedAt: entered.toISOString(), signedOn: '2022-04-23' })
    expect(termEndsAt(state)?.toISOString().slice(0, 10)).toBe('2025-04-23')
  })

  it('NO_ACTION_DUE_SOON counts its days from the day of signing, not the day it is entered', () => {
    // An action due on day 141: 90 days from a signing on day 51 is day 141; from day 50 it is day 140.
    const steps = goodPath('KSDPK')
    const accepted28 = steps.slice(0, steps.map((step) => step.label).lastIndexOf('accepted') + 1)
    const events = run([
      ...accepted28,
      { label: 'plan', command: commands.workPlan({ actions: [{ ...commands.workPlan().actions[0]!, dueDate: isoDay(141) }] }), actor: actors.tkksd, day: 35 },
      { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 50 },
    ]).events
    const kb = commands.sign('SignKesepakatanBersama', REGION)
    expect(refusedWith(attempt({ ...kb, occurredOn: isoDay(50) }, events, day(55), actors.bupati), 'NO_ACTION_DUE_SOON')).toMatchObject({ signingDate: isoDay(50) })
    accepted(attempt({ ...kb, occurredOn: isoDay(51) }, events, day(55), actors.bupati))
    accepted(attempt(kb, events, day(55), actors.bupati))
  })
})
