import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KerjasamaError } from '../../src/errors'
import { agreementEventSchema, commandTypes, decide, evolve, fold, initialState, parseAgreementEvent, roles } from '../../src/agreement'
import type { AgreementEvent } from '../../src/agreement'
import { actors, commands, context, day, eventsThrough, run, stages } from './scenario'
import type { Variant } from './scenario'

const variants: Variant[] = ['KSDPK', 'KSDD-sukarela', 'KSDD-wajib', 'Sinergi']
const states = variants.flatMap((variant) => stages.filter((stage) => variant !== 'Sinergi' || stage !== 'kb-signed').map((stage) => fold(eventsThrough(stage, variant))))
const state = fc.constantFrom(initialState, ...states)
// Any role, acting for the initiating region, a partner of some variant, or a stranger.
const actor = fc.tuple(fc.constantFrom(...roles), fc.constantFrom('33.05', '33.06', 'koperasi-nira', 'unnes', '33.74')).map(([role, actsFor]) => ({ id: 'u', role, actsFor }))

function onlyCodedErrors(run: () => unknown): void {
  try {
    run()
  } catch (error) {
    if (!(error instanceof KerjasamaError)) throw error
    expect(error.code).toMatch(/^[A-Z_]+$/)
  }
}

// Every event any path can produce, for the round-trip and purity checks.
function allEvents(): AgreementEvent[] {
  const evaluated = eventsThrough('evaluated')
  const extended = run([{ label: 'x', command: commands.extend(), actor: actors.tkksd, day: 200 }], undefined, { events: evaluated, state: fold(evaluated) })
  const terminated = run([{ label: 't', command: commands.terminate('next'), actor: actors.bupati, day: 210 }], undefined, extended)
  const amended = run(
    [{ label: 'a', command: commands.amend({ documentReference: 'Adendum 1', funding: 'APBD 2023', addActions: [{ description: 'Promosi', owner: 'Dinas', dueDate: '2022-12-01', output: '1 pameran' }] }), actor: actors.tkksd, day: 100 }],
    undefined,
    { events: [], state: fold(eventsThrough('signed')) },
  ).events
  const dprd = run(
    [{ label: 'r', command: commands.dprdRequest(), actor: actors.bupati, day: 56 }, { label: 'd', command: commands.dprd(), actor: actors.dprd, day: 58 }],
    undefined,
    { events: [], state: fold(eventsThrough('kb-signed')) },
  ).events
  const expired = run([{ label: 'e', command: commands.expire(), actor: actors.tkksd, day: 2000 }], undefined, { events: [], state: fold(eventsThrough('signed')) }).events
  return [...terminated.events, ...amended, ...dprd, ...expired, ...eventsThrough('evaluated', 'Sinergi'), ...eventsThrough('evaluated', 'KSDD-wajib')]
}

describe('decide, for all inputs', () => {
  it('throws nothing but the library’s coded errors for arbitrary JSON commands, in any state, by any role', () => {
    fc.assert(
      fc.property(fc.json().map((text) => JSON.parse(text) as unknown), state, actor, (command, current, who) => {
        onlyCodedErrors(() => decide(command, current, context({ actor: who })))
      }),
      { numRuns: 1000 },
    )
  })

  it('throws nothing but coded errors for commands of a known type with arbitrary or near-valid fields', () => {
    const samples = [commands.identify('KSDD-wajib'), commands.map('KSDPK'), commands.workPlan(), commands.sign('SignPerjanjianKerjaSama', '33.05'), commands.complete(), commands.monev(), commands.amend({ duration: { years: 2 } }), commands.expire()]
    const mutated = fc.tuple(fc.constantFrom(...samples), fc.dictionary(fc.string({ maxLength: 14 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }))
      .map(([sample, extra]) => ({ ...sample, ...extra, type: sample.type }))
    const arbitrary = fc.tuple(fc.constantFrom(...commandTypes), fc.dictionary(fc.string({ maxLength: 14 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })).map(([type, extra]) => ({ ...extra, type, agreementId: 'a' }))
    fc.assert(
      fc.property(fc.oneof(mutated, arbitrary), state, actor, fc.integer({ min: -400, max: 4000 }), (command, current, who, at) => {
        onlyCodedErrors(() => decide(command, current, context({ actor: who, now: day(at), policy: { isBordering: (a, b) => a < b } })))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('events', () => {
  const events = allEvents()

  it('cover every event type', () => {
    expect(new Set(events.map((event) => event.type)).size).toBe(agreementEventSchema.options.length)
  })

  it('survive a JSON round trip through their schema unchanged', () => {
    for (const event of events) {
      const stored = JSON.parse(JSON.stringify(event)) as { type: string; schemaVersion: number; data: unknown }
      expect(stored.schemaVersion).toBe(1)
      expect(parseAgreementEvent(stored.type, stored.schemaVersion, stored.data)).toEqual(event)
    }
  })

  it('an event that does not match its schema is refused with VALIDATION_FAILED', () => {
    fc.assert(
      fc.property(fc.constantFrom(...events), fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: 2, max: 9 }), (event, junk, version) => {
        for (const attempt of [() => parseAgreementEvent(event.type, version, event.data), () => parseAgreementEvent(event.type, 1, junk), () => parseAgreementEvent('Nope', 1, event.data)]) {
          try {
            const parsed = attempt()
            // junk can only pass when it happens to be valid data for the type
            expect(agreementEventSchema.parse(parsed)).toEqual(parsed)
          } catch (error) {
            expect((error as KerjasamaError).code).toBe('VALIDATION_FAILED')
          }
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('evolve', () => {
  it('is pure: the input state is untouched and the result is frozen, for every prefix of every path', () => {
    const events = allEvents()
    let current = initialState
    for (const event of events) {
      const before = structuredClone(current)
      const next = evolve(current, event)
      expect(current).toEqual(before)
      expect(Object.isFrozen(next)).toBe(true)
      expect(Object.isFrozen(next.term)).toBe(true)
      expect(evolve(current, event)).toEqual(next)
      current = event.type === 'CooperationIdentified' && current.status !== 'none' ? current : next
    }
  })

  it('fold equals step-by-step evolve', () => {
    const events = eventsThrough('evaluated')
    expect(fold(events)).toEqual(events.reduce(evolve, initialState))
  })
})
