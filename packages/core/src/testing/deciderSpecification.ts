import { inspect, isDeepStrictEqual } from 'node:util'
import { GuardViolation, KerjasamaError } from '../errors'

/**
 * A given/when/then harness for deciders. It throws plain Errors on failure so
 * it works under any test runner (and imports none).
 *
 *   DeciderSpecification.for(agreementDecider, () => testContext())
 *     .given([identified])
 *     .when(mapAffairs)
 *     .then([affairsMapped])
 */
export type Decider<Command, Event, State, Context> = {
  decide(command: Command, state: State, context: Context): Event[]
  evolve(state: State, event: Event): State
  initialState: State
}

export class SpecificationFailed extends Error {
  override name = 'SpecificationFailed'
}

type Outcome<Event> = { kind: 'events'; events: Event[] } | { kind: 'threw'; error: unknown }

export class DeciderSpecification<Command, Event, State, Context> {
  private constructor(
    private readonly decider: Decider<Command, Event, State, Context>,
    private readonly context: () => Context,
  ) {}

  static for<Command, Event, State, Context>(decider: Decider<Command, Event, State, Context>, context: () => Context): DeciderSpecification<Command, Event, State, Context> {
    return new DeciderSpecification(decider, context)
  }

  given(events: readonly Event[] = []): { when(command: Command, context?: Partial<Context>): Then<Event, State> } {
    return {
      when: (command, contextOverrides) => {
        const state = events.reduce((current, event) => this.decider.evolve(current, event), this.decider.initialState)
        const context = { ...this.context(), ...contextOverrides } as Context
        let outcome: Outcome<Event>
        try {
          outcome = { kind: 'events', events: this.decider.decide(command, state, context) }
        } catch (error) {
          outcome = { kind: 'threw', error }
        }
        return new Then(outcome, state, (current, event) => this.decider.evolve(current, event))
      },
    }
  }
}

export class Then<Event, State> {
  constructor(
    private readonly outcome: Outcome<Event>,
    private readonly stateBefore: State,
    private readonly evolve: (state: State, event: Event) => State,
  ) {}

  /** The decider returned exactly these events (deep equality), or the callback accepts them. */
  then(expected: readonly Event[] | ((events: Event[], stateBefore: State) => void)): Event[] {
    const events = this.events()
    if (typeof expected === 'function') {
      expected(events, this.stateBefore)
      return events
    }
    if (!isDeepStrictEqual(events, expected)) {
      throw new SpecificationFailed(`expected events\n${show(expected)}\nbut decide returned\n${show(events)}`)
    }
    return events
  }

  /** The events fold (from the given state) into a state the callback accepts. */
  thenState(check: (state: State) => void): void {
    const events = this.events()
    check(events.reduce((state, event) => this.evolve(state, event), this.stateBefore))
  }

  /** decide threw a KerjasamaError with this code, or an error the predicate accepts. */
  thenThrows(expected: string | ((error: unknown) => boolean)): unknown {
    const error = this.error()
    const matches = typeof expected === 'string' ? error instanceof KerjasamaError && error.code === expected : expected(error)
    if (!matches) throw new SpecificationFailed(`decide threw ${describeError(error)}, which is not the expected ${typeof expected === 'string' ? expected : 'error'}`)
    return error
  }

  /** decide refused with a GuardViolation listing exactly these rule codes (in any order). */
  thenViolates(...codes: string[]): GuardViolation {
    const error = this.error()
    if (!(error instanceof GuardViolation)) throw new SpecificationFailed(`expected a GuardViolation but decide threw ${describeError(error)}`)
    const actual = error.violations.map((violation) => violation.code).sort()
    const wanted = [...codes].sort()
    if (!isDeepStrictEqual(actual, wanted)) throw new SpecificationFailed(`expected violations [${wanted.join(', ')}] but got [${actual.join(', ')}]`)
    return error
  }

  /** decide refused with a GuardViolation that includes at least these codes. */
  thenViolatesAtLeast(...codes: string[]): GuardViolation {
    const error = this.error()
    if (!(error instanceof GuardViolation)) throw new SpecificationFailed(`expected a GuardViolation but decide threw ${describeError(error)}`)
    const actual = new Set(error.violations.map((violation) => violation.code))
    const missing = codes.filter((code) => !actual.has(code))
    if (missing.length > 0) throw new SpecificationFailed(`violations [${[...actual].join(', ')}] lack [${missing.join(', ')}]`)
    return error
  }

  private events(): Event[] {
    if (this.outcome.kind === 'threw') throw new SpecificationFailed(`expected decide to return events but it threw ${describeError(this.outcome.error)}`)
    return this.outcome.events
  }

  private error(): unknown {
    if (this.outcome.kind === 'events') throw new SpecificationFailed(`expected decide to refuse but it returned\n${show(this.outcome.events)}`)
    return this.outcome.error
  }
}

function describeError(error: unknown): string {
  if (error instanceof KerjasamaError) return `${error.name} ${error.code} ${inspect(error.details, { depth: 4 })}`
  return error instanceof Error ? `${error.name}: ${error.message}` : inspect(error)
}

function show(value: unknown): string {
  return inspect(value, { depth: 8, colors: false })
}
