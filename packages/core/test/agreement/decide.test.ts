import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GuardViolation, KerjasamaError, NotAuthorized, ValidationError } from '../../src/errors'
import { GuardFailed, commandRoles, commandTypes, decide, defineGuard, evolve, fold, roles } from '../../src/agreement'
import { REGION, actors, commands, context, day, eventsThrough, goodPath, partnersFor, refusal, run } from './scenario'

/** The codes of every rule a command broke; none when it was accepted. */
function violationCodes(attempt: () => unknown): string[] {
  try {
    attempt()
    return []
  } catch (error) {
    return (error as GuardViolation).violations.map((violation) => violation.code)
  }
}


/** TKKSD discusses the KB draft once the plan is agreed: every custom path below needs it before the KB. */
const reviewKb = { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 50 }

describe('decide', () => {
  it('reports every violated rule at once, not only the first', () => {
    const error = refusal(() => decide(commands.map('KSDD-sukarela', { affairs: ['pertahanan', '9.99'], planningDocuments: [{ kind: 'Renja', reference: 'Renja' }] }), fold(eventsThrough('identified')), context()))
    expect(error).toBeInstanceOf(GuardViolation)
    expect((error as GuardViolation).violations.map((v) => v.code).sort()).toEqual(['ABSOLUTE_AFFAIR', 'PLANNING_DOCUMENT_REQUIRED', 'STUDI_KELAYAKAN_REQUIRED', 'UNKNOWN_URUSAN'])
    expect(error.details.codes).toHaveLength(4)
  })

  it('signing a half-coordinated agreement names each missing coordination fact', () => {
    const error = refusal(() => decide(commands.sign('SignKesepakatanBersama', REGION), fold(eventsThrough('offered')), context({ actor: actors.bupati })))
    expect((error as GuardViolation).violations.map((v) => v.code)).toEqual(expect.arrayContaining(['PARTNER_NOT_ACCEPTED', 'WORK_PLAN_WITHOUT_ACTION']))
  })

  it('refuses a malformed command with VALIDATION_FAILED before anything else', () => {
    const error = refusal(() => decide({ type: 'MapAffairs' }, fold([]), context({ actor: actors.dprd })))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.code).toBe('VALIDATION_FAILED')
  })

  it('for every command type, a role not listed gets NOT_AUTHORIZED and a listed one does not', () => {
    const sample: Record<string, Record<string, unknown>> = {
      IdentifyCooperation: commands.identify('KSDPK'), MapAffairs: commands.map('KSDPK'), AssessFeasibility: commands.assess(), SendOffer: commands.offer(),
      RecordOfferResponse: commands.respond('x'), AgreeWorkPlan: commands.workPlan(), ReviewDraft: commands.review('KB'), RequestDprdApproval: commands.dprdRequest(), RecordDprdApproval: commands.dprd(),
      SignKesepakatanBersama: commands.sign('SignKesepakatanBersama', REGION), SignPerjanjianKerjaSama: commands.sign('SignPerjanjianKerjaSama', REGION),
      SignNotaKesepakatan: commands.sign('SignNotaKesepakatan', REGION), StartAction: commands.start(), CompleteAction: commands.complete(),
      RecordMonev: commands.monev(), Amend: commands.amend(), Extend: commands.extend(), Terminate: commands.terminate(), Expire: commands.expire(),
    }
    for (const type of commandTypes) {
      for (const role of roles) {
        const error = (() => { try { decide(sample[type], fold([]), context({ actor: { id: 'u', role, actsFor: REGION } })); return undefined } catch (e) { return e } })()
        if (commandRoles[type].includes(role)) expect(error).not.toBeInstanceOf(NotAuthorized)
        else expect((error as KerjasamaError).code).toBe('NOT_AUTHORIZED')
      }
    }
  })

  it('the KB may not be recorded by a kuasa holder at all; the PKS may', () => {
    expect(refusal(() => decide(commands.sign('SignKesepakatanBersama', REGION), fold(eventsThrough('coordinated')), context({ actor: actors.kuasa, now: day(55) }))).code).toBe('NOT_AUTHORIZED')
  })

  it('a disabled built-in guard no longer refuses; the rest still do', () => {
    const state = fold(eventsThrough('started'))
    const noEvidence = commands.complete('a1', {})
    expect(refusal(() => decide(noEvidence, state, context({ now: day(85) }))).code).toBe('GUARD_VIOLATION')
    const [event] = decide(noEvidence, state, context({ now: day(85), policy: { disabledGuards: ['IMPLEMENTED_WITHOUT_EVIDENCE'] } }))
    expect(event!.type).toBe('ActionCompleted')
    // Even then, an action without evidence never makes the agreement "implemented".
    expect(evolve(state, event!).status).toBe('signed')
  })

  it('a region’s own guard refuses alongside the built-in ones; one that throws refuses with GUARD_FAILED', () => {
    const noWeekendSigning = defineGuard({
      code: 'JATENG_NO_WEEKEND_SIGNING',
      when: ['SignKesepakatanBersama'],
      check: (_state, _command, ctx) => ctx.now.getUTCDay() !== 0 && ctx.now.getUTCDay() !== 6,
      message: { id: 'Tidak menandatangani pada akhir pekan', en: 'No signing at weekends' },
      basis: { kind: 'policy', source: 'Pergub contoh' },
    })
    const state = fold(eventsThrough('coordinated'))
    const sunday = new Date('2022-04-17T02:00:00.000Z')
    const error = refusal(() => decide(commands.sign('SignKesepakatanBersama', REGION), state, context({ actor: actors.bupati, now: sunday, policy: { extraGuards: [noWeekendSigning] } })))
    expect((error as GuardViolation).violations.map((v) => v.code)).toEqual(['JATENG_NO_WEEKEND_SIGNING'])
    const broken = defineGuard({ ...noWeekendSigning, code: 'BROKEN', check: () => { throw new TypeError('bug') } })
    const failed = refusal(() => decide(commands.sign('SignKesepakatanBersama', REGION), state, context({ actor: actors.bupati, now: day(55), policy: { extraGuards: [broken] } })))
    expect(failed).toBeInstanceOf(GuardFailed)
    expect(failed.code).toBe('GUARD_FAILED')
    expect(failed.localized.en).not.toContain('bug')
  })

  it('DPRD approval is required exactly when the plan burdens the public or is not in the current APBD, between the KB and the PKS', () => {
    const steps = goodPath('KSDPK')
    const accepted = steps.slice(0, steps.map((s) => s.label).lastIndexOf('accepted') + 1)
    const kb = steps.filter((s) => s.label === 'kb-signed')
    const pks = steps.filter((s) => s.label === 'signed')
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (burdensPublic, inCurrentApbd) => {
        const triggered = burdensPublic || !inCurrentApbd
        const planned = run([...accepted, { label: 'plan', command: commands.workPlan({ burdensPublic, inCurrentApbd }), actor: actors.tkksd, day: 35 }, reviewKb])
        expect(planned.state.status).toBe('coordinated')
        // The KB comes first, whatever the DPRD trigger.
        const kbSigned = run(kb, undefined, planned)
        expect(kbSigned.state.status).toBe('coordinated')
        const pksRefusal = violationCodes(() => decide(pks[0]!.command, kbSigned.state, context({ actor: pks[0]!.actor, now: day(60) })))
        expect(pksRefusal.includes('DPRD_APPROVAL_REQUIRED')).toBe(triggered)
        const approved = run([
          { label: 'ask', command: commands.dprdRequest(), actor: actors.bupati, day: 56 },
          { label: 'dprd', command: commands.dprd(), actor: actors.dprd, day: 58 },
          ...pks,
        ], undefined, kbSigned)
        expect(approved.state.status).toBe('signed')
        expect(approved.state.term.signedAt).toBe(day(60).toISOString())
      }),
    )
  })

  it('a DPRD refusal keeps the PKS refused until the kepala daerah asks again and the DPRD approves', () => {
    const steps = goodPath('KSDPK')
    const accepted = steps.slice(0, steps.map((s) => s.label).lastIndexOf('accepted') + 1)
    const refused = run([
      ...accepted,
      { label: 'plan', command: commands.workPlan({ inCurrentApbd: false }), actor: actors.tkksd, day: 35 },
      reviewKb,
      ...steps.filter((s) => s.label === 'kb-signed'),
      { label: 'ask', command: commands.dprdRequest(), actor: actors.bupati, day: 56 },
      { label: 'no', command: commands.dprd(false, 58), actor: actors.dprd, day: 58 },
    ])
    const pks = commands.sign('SignPerjanjianKerjaSama', REGION)
    expect((refusal(() => decide(pks, refused.state, context({ actor: actors.bupati, now: day(60) }))) as GuardViolation).violations.map((v) => v.code)).toContain('DPRD_APPROVAL_REQUIRED')
    // A decision needs a pending request: the refusal answered the first one.
    expect((refusal(() => decide(commands.dprd(), refused.state, context({ actor: actors.dprd, now: day(59) }))) as GuardViolation).violations.map((v) => v.code)).toEqual(['DPRD_NOT_REQUESTED'])
    const askedAgain = run([
      { label: 'ask again', command: commands.dprdRequest(), actor: actors.bupati, day: 59 },
      { label: 'yes', command: commands.dprd(true, 62), actor: actors.dprd, day: 62 },
    ], undefined, refused)
    expect(askedAgain.state.term.dprdApproval?.approved).toBe(true)
    const [signed] = decide(pks, askedAgain.state, context({ actor: actors.bupati, now: day(63) }))
    expect(signed!.type).toBe('PerjanjianKerjaSamaSigned')
  })

  it('the request to the DPRD records what PP 28/2018 says it must state, with the object and duration as they stood', () => {
    const steps = goodPath('KSDPK')
    const accepted = steps.slice(0, steps.map((s) => s.label).lastIndexOf('accepted') + 1)
    const { state } = run([...accepted, { label: 'plan', command: commands.workPlan({ burdensPublic: true, duration: { years: 4 } }), actor: actors.tkksd, day: 35 }, reviewKb, ...steps.filter((s) => s.label === 'kb-signed')])
    const [event] = decide(commands.dprdRequest(), state, context({ actor: actors.bupati, now: day(56) }))
    const { type: _type, agreementId: _id, ...stated } = commands.dprdRequest()
    expect(event).toEqual({ type: 'DprdApprovalRequested', schemaVersion: 1, data: { ...stated, object: 'Pengembangan sentra gula merah', duration: { years: 4 }, at: day(56).toISOString() } })
  })

  it('a Sinergi plan revised after the DPRD approved it needs the DPRD again before the Nota Kesepakatan', () => {
    const steps = goodPath('Sinergi')
    const accepted = steps.slice(0, steps.map((s) => s.label).lastIndexOf('accepted') + 1)
    const approved = run([
      ...accepted,
      { label: 'plan', command: commands.workPlan({ burdensPublic: true }), actor: actors.tkksd, day: 35 },
      { label: 'ask', command: commands.dprdRequest(), actor: actors.bupati, day: 40 },
      { label: 'yes', command: commands.dprd(true, 45), actor: actors.dprd, day: 45 },
    ])
    expect(approved.state.term.dprdApproval?.approved).toBe(true)
    const revised = run([{ label: 'plan', command: commands.workPlan({ burdensPublic: true, funding: 'APBD Perubahan 2022' }), actor: actors.tkksd, day: 50 }], undefined, approved)
    expect(revised.state.term.dprdApproval).toBeUndefined()
    const nk = commands.sign('SignNotaKesepakatan', REGION)
    expect((refusal(() => decide(nk, revised.state, context({ actor: actors.bupati, now: day(60) }))) as GuardViolation).violations.map((v) => v.code)).toContain('DPRD_APPROVAL_REQUIRED')
  })

  it('TKKSD discusses a draft after every partner accepted and before its first signature; a revised plan sends the PKS draft back to TKKSD, not the KB', () => {
    const asTkksd = (n: number) => context({ actor: actors.tkksd, now: day(n) })
    expect(violationCodes(() => decide(commands.review('KB'), fold(eventsThrough('offered')), asTkksd(25)))).toEqual(['WRONG_STAGE'])
    expect(violationCodes(() => decide(commands.review('NK'), fold(eventsThrough('coordinated')), asTkksd(50)))).toEqual(['SIGNING_DOCUMENT_MISMATCH'])
    expect(violationCodes(() => decide(commands.review('KB'), fold(eventsThrough('kb-signed')), asTkksd(57)))).toEqual(['WRONG_STAGE'])
    const [reviewed] = decide(commands.review('PKS'), fold(eventsThrough('kb-signed')), asTkksd(57))
    expect(reviewed).toEqual({ type: 'DraftReviewed', schemaVersion: 1, data: { document: 'PKS', draftReference: 'Rancangan PKS 1', notes: 'Dibahas TKKSD', at: day(57).toISOString() } })

    const steps = goodPath('KSDPK')
    const accepted = steps.slice(0, steps.map((s) => s.label).lastIndexOf('accepted') + 1)
    const bothReviewed = run([
      ...accepted,
      { label: 'plan', command: commands.workPlan(), actor: actors.tkksd, day: 35 },
      reviewKb,
      { label: 'review', command: commands.review('PKS'), actor: actors.tkksd, day: 50 },
      { label: 'plan', command: commands.workPlan({ funding: 'APBD Perubahan 2022' }), actor: actors.tkksd, day: 52 },
    ]).state
    expect(bothReviewed.term.draftReviews.KB?.at).toBe(day(50).toISOString())
    expect(bothReviewed.term.draftReviews.PKS).toBeUndefined()
  })

  it('a monev finding that nothing happened is recorded, but the agreement stays signed; only a monev after work done with evidence makes it evaluated', () => {
    const nothingDone = run([{ label: 'monev', command: commands.monev(0), actor: actors.monev, day: 180 }], undefined, { events: [], state: fold(eventsThrough('signed')) })
    expect(nothingDone.state.term.monev).toHaveLength(1)
    expect(nothingDone.state.status).toBe('signed')
    const done = run(
      [{ label: 'start', command: commands.start(), actor: actors.opd, day: 181 }, { label: 'complete', command: commands.complete(), actor: actors.opd, day: 190 }],
      undefined,
      nothingDone,
    )
    expect(done.state.status).toBe('implemented')
    const evaluated = run([{ label: 'monev', command: commands.monev(75), actor: actors.monev, day: 200 }], undefined, done)
    expect(evaluated.state.status).toBe('evaluated')
  })

  it('names planned actions the caller left unnamed, with ids from the context', () => {
    const { actionId: _drop, ...unnamed } = commands.workPlan().actions[0]!
    const [event] = decide(commands.workPlan({ actions: [unnamed] }), fold(eventsThrough('accepted')), context({ actor: actors.tkksd }))
    expect(event!.type === 'WorkPlanAgreed' && event.data.actions[0]!.actionId).toBe('t-000001')
  })

  it('IdentifyCooperation without an id gets one from the context', () => {
    const { agreementId: _drop, ...command } = commands.identify('KSDPK')
    const [event] = decide(command, fold([]), context())
    expect(event!.type === 'CooperationIdentified' && event.data.agreementId).toBe('t-000001')
  })
})

describe('offer reply deadline (policy, off by default)', () => {
  it('without a deadline a late reply is accepted and the offer cannot be sent twice', () => {
    const offered = fold(eventsThrough('offered'))
    expect(decide(commands.respond('koperasi-nira'), offered, context({ actor: actors.partner, now: day(500) }))).toHaveLength(1)
    expect(refusal(() => decide(commands.offer(), offered, context({ actor: actors.bupati, now: day(500) }))).code).toBe('GUARD_VIOLATION')
  })

  it('with a deadline, a lapsed offer may be sent again and then answered', () => {
    const policy = { offerReplyWithinDays: 30 }
    const offered = fold(eventsThrough('offered'))
    const resent = run([{ label: 'again', command: commands.offer(), actor: actors.bupati, day: 60 }], policy, { events: [], state: offered }).state
    expect(resent.term.offer?.at).toBe(day(60).toISOString())
    expect(decide(commands.respond('koperasi-nira'), resent, context({ actor: actors.partner, now: day(70), policy }))).toHaveLength(1)
  })
})

describe('extension, termination, expiry', () => {
  it('Extend sends a running agreement back through coordination, keeping the superseded term', () => {
    const evaluated = fold(eventsThrough('evaluated'))
    const { state } = run([{ label: 'extend', command: commands.extend(), actor: actors.tkksd, day: 200 }], undefined, { events: [], state: evaluated })
    expect(state.status).toBe('mapped')
    expect(state.previousTerms).toHaveLength(1)
    expect(state.previousTerms[0]!.supersededAt).toBe(day(200).toISOString())
    expect(state.term.number).toBe(2)
    // Signing straight away is refused: the new term needs TKKSD, offer, acceptance and a plan again.
    expect(refusal(() => decide(commands.sign('SignKesepakatanBersama', REGION), state, context({ actor: actors.bupati, now: day(210) }))).code).toBe('GUARD_VIOLATION')
    const again = run(
      [
        { label: 'assess', command: commands.assess(), actor: actors.tkksd, day: 210 },
        { label: 'offer', command: commands.offer(), actor: actors.bupati, day: 211 },
        { label: 'accept', command: commands.respond(partnersFor.KSDPK[0]!.partnerId), actor: actors.partner, day: 212 },
        { label: 'plan', command: commands.workPlan({ actions: [{ ...commands.workPlan().actions[0]!, dueDate: '2022-10-30' }] }), actor: actors.tkksd, day: 213 },
        { label: 'review', command: commands.review('KB'), actor: actors.tkksd, day: 213 },
        { label: 'kb', command: commands.sign('SignKesepakatanBersama', REGION), actor: actors.bupati, day: 214 },
        { label: 'kb', command: commands.sign('SignKesepakatanBersama', 'koperasi-nira'), actor: actors.partner, day: 214 },
        { label: 'review', command: commands.review('PKS'), actor: actors.tkksd, day: 214 },
        { label: 'pks', command: commands.sign('SignPerjanjianKerjaSama', REGION), actor: actors.bupati, day: 215 },
        { label: 'pks', command: commands.sign('SignPerjanjianKerjaSama', 'koperasi-nira'), actor: actors.partner, day: 215 },
      ],
      undefined,
      { events: [], state },
    )
    expect(again.state.status).toBe('signed')
  })

  it('Terminate ends with reason terminated, or superseded when a successor is named; Expire ends as expired', () => {
    const signed = fold(eventsThrough('signed'))
    const terminated = run([{ label: 't', command: commands.terminate(), actor: actors.bupati, day: 100 }], undefined, { events: [], state: signed }).state
    expect(terminated.status).toBe('ended')
    expect(terminated.ended).toMatchObject({ reason: 'terminated', note: 'Mitra bubar' })
    const superseded = run([{ label: 't', command: commands.terminate('kebumen-gula-2'), actor: actors.bupati, day: 100 }], undefined, { events: [], state: signed }).state
    expect(superseded.ended).toMatchObject({ reason: 'superseded', supersededBy: 'kebumen-gula-2' })
    const expired = run([{ label: 'e', command: commands.expire(), actor: actors.tkksd, day: 60 + 3 * 366 }], undefined, { events: [], state: signed }).state
    expect(expired.ended?.reason).toBe('expired')
    expect(refusal(() => decide(commands.start(), expired, context({ now: day(2000) }))).code).toBe('GUARD_VIOLATION')
  })
})
