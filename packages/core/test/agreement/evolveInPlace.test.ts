import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evolve, evolveInPlace, fold, initialState } from '../../src/agreement'
import type { AgreementEvent } from '../../src/agreement'
import { actors, commands, eventsThrough, run } from './scenario'
import type { Variant } from './scenario'

const variants: Variant[] = ['KSDPK', 'KSDD-sukarela', 'KSDD-wajib', 'Sinergi']

// Good paths, and the steps after them (extension, amendment, DPRD, termination, expiry), as a pool to draw histories from.
function eventPool(): AgreementEvent[] {
  const evaluated = eventsThrough('evaluated')
  const extended = run([{ label: 'x', command: commands.extend(), actor: actors.tkksd, day: 200 }], undefined, { events: evaluated, state: fold(evaluated) })
  const terminated = run([{ label: 't', command: commands.terminate('next'), actor: actors.bupati, day: 210 }], undefined, extended)
  const amended = run([{ label: 'a', command: commands.amend({ funding: 'APBD 2023' }), actor: actors.tkksd, day: 100 }], undefined, { events: [], state: fold(eventsThrough('signed')) }).events
  const dprd = run(
    [{ label: 'r', command: commands.dprdRequest(), actor: actors.bupati, day: 56 }, { label: 'd', command: commands.dprd(), actor: actors.dprd, day: 58 }],
    undefined,
    { events: [], state: fold(eventsThrough('kb-signed')) },
  ).events
  const expired = run([{ label: 'e', command: commands.expire(), actor: actors.tkksd, day: 2000 }], undefined, { events: [], state: fold(eventsThrough('signed')) }).events
  return [...terminated.events, ...amended, ...dprd, ...expired, ...variants.flatMap((variant) => eventsThrough('evaluated', variant))]
}

const pool = eventPool()
// Whole good paths in order, so the histories reach every stage, and arbitrary draws from the pool, in any order.
const history = fc.oneof(
  fc.constantFrom(...variants).chain((variant) => fc.nat({ max: 40 }).map((length) => eventsThrough('evaluated', variant).slice(0, length))),
  fc.array(fc.constantFrom(...pool), { maxLength: 40 }),
)

describe('evolveInPlace, for all histories', () => {
  it('leaves a working copy equal to the fold by evolve, keys in the same order, from any state evolve reached', () => {
    fc.assert(
      fc.property(history, fc.nat(), (events, cut) => {
        const split = events.length === 0 ? 0 : cut % (events.length + 1)
        const start = events.slice(0, split).reduce(evolve, initialState)
        const working = structuredClone(start)
        for (const event of events.slice(split)) evolveInPlace(working, structuredClone(event))
        const folded = events.slice(split).reduce(evolve, start)
        expect(working).toEqual(folded)
        expect(JSON.stringify(working)).toBe(JSON.stringify(folded))
      }),
      { numRuns: 500 },
    )
  })
})
