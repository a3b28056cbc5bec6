import type { GuardBasis, LocalizedMessage } from '../errors'
import type { AgreementCommand, CommandOf, CommandType } from './commands'
import type { DecideContext } from './context'
import type { AgreementPolicy } from './policy'
import type { AgreementState } from './state'

/**
 * What a check returns: true when the rule holds; false, or an object of
 * details for a UI (which partner, which date), when it is violated.
 */
export type GuardOutcome = boolean | Record<string, unknown>

/**
 * A rule's message, or a function of the region's policy when the message
 * quotes a number the region may change ("30 hari", not the default "90").
 */
export type GuardMessage = LocalizedMessage | ((policy: AgreementPolicy) => LocalizedMessage)

/** A rule as data: the docs table is rendered from these, so code and docs cannot drift. */
export type Guard = {
  code: string
  when: readonly CommandType[]
  check(state: AgreementState, command: AgreementCommand, ctx: DecideContext): GuardOutcome
  message: GuardMessage
  basis: GuardBasis
  /** How a region changes the rule without disabling it, e.g. "policy.maxYearsPublicService". */
  configurableBy?: string
}

/** Declares a guard for some command types, with the command narrowed to them. */
export function defineGuard<T extends CommandType>(guard: {
  code: string
  when: readonly T[]
  check(state: AgreementState, command: CommandOf<T>, ctx: DecideContext): GuardOutcome
  message: GuardMessage
  basis: GuardBasis
  configurableBy?: string
}): Guard {
  return Object.freeze({
    ...guard,
    when: Object.freeze([...guard.when]),
    // decide only calls a guard for the types in `when`, so the narrowing holds.
    check: (state: AgreementState, command: AgreementCommand, ctx: DecideContext) => guard.check(state, command as CommandOf<T>, ctx),
  })
}

/** The message a guard gives under this policy: the one a refused officer reads, and the one docs render for the defaults. */
export function guardMessage(guard: Pick<Guard, 'message'>, policy: AgreementPolicy): LocalizedMessage {
  return typeof guard.message === 'function' ? guard.message(policy) : guard.message
}

/** A number as Bahasa Indonesia writes it (2,5 tahun). */
export function indonesianNumber(value: number): string {
  return String(value).replace('.', ',')
}

export const PERMENDAGRI_22_2020 = 'Permendagri 22/2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga'
export const PP_28_2018 = 'PP 28/2018 tentang Kerja Sama Daerah'
export const ANTI_CEREMONIAL = 'anti-ceremonial policy'
