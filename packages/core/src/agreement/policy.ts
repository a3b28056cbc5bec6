import { z } from 'zod'
import { ValidationError } from '../errors'
import { customError, localizedIssue, parseOrThrow } from '../validation'
import type { Guard } from './guard'
import { builtInGuards } from './guards'
import { publicRubricScores } from './guards/implementation'

/**
 * Everything domain.md marks [practice] or [policy] is a number or switch
 * here, so a region can follow its own guide without forking the library.
 */
export type AgreementPolicy = {
  /** Public-service cooperation at most this many years (Kemendagri statement). */
  maxYearsPublicService: number
  /** Infrastructure cooperation up to this many years. */
  maxYearsInfrastructure: number
  /** Signing needs a planned action due within this many days of the signing date. */
  firstActionWithinDays: number
  /** Longer without monev puts a signed agreement on the ceremonial-risk watchlist (projections read it). */
  monevMaxGapMonths: number
  /**
   * Days a partner has to answer the offer; undefined (the default) means no
   * deadline, since no national day-count was found. When set, a late answer
   * is refused and the kepala daerah may send the offer again.
   */
  offerReplyWithinDays?: number
  /**
   * Days the DPRD has to decide on the kepala daerah's request; undefined
   * (the default) means none, as no national day-count was found. Once it has
   * passed, the kepala daerah may send the request again.
   */
  dprdDecisionWithinDays?: number
  /** A signed agreement with no action started this many days after signing lands on the watchlist (projections read it). */
  actionStartWithinDays: number
  /** Monev expected at least this many times a fiscal year (one city's rule); fewer puts it on the watchlist. */
  minMonevPerFiscalYear: number
  /** The evaluation rubric's allowed scores. */
  monevScores: readonly number[]
  /** Whether two regions border each other; no adjacency data is bundled. Needed for KSDD-wajib. */
  isBordering?: (a: string, b: string) => boolean
  /** Built-in guard codes switched off; the service records them in every event's metadata. */
  disabledGuards: readonly string[]
  /** A region's own rules, run after the built-in ones. */
  extraGuards: readonly Guard[]
}

export const defaultPolicy: AgreementPolicy = Object.freeze({
  maxYearsPublicService: 5,
  maxYearsInfrastructure: 25,
  firstActionWithinDays: 90,
  monevMaxGapMonths: 6,
  actionStartWithinDays: 90,
  minMonevPerFiscalYear: 2,
  monevScores: publicRubricScores,
  disabledGuards: Object.freeze([]),
  extraGuards: Object.freeze([]),
})

const guardShape = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,80}$/),
  when: z.array(z.string()).min(1),
  check: z.custom<Guard['check']>((value) => typeof value === 'function', customError({ id: 'check harus berupa fungsi', en: 'check must be a function' })),
  // A function when the region's message quotes its own policy numbers.
  message: z.union([
    z.object({ id: z.string().min(1), en: z.string().min(1) }),
    z.custom<(policy: AgreementPolicy) => unknown>((value) => typeof value === 'function', customError({ id: 'message harus berupa pesan {id, en} atau fungsi kebijakan', en: 'message must be an {id, en} message or a function of the policy' })),
  ]),
  basis: z.object({ kind: z.enum(['reg', 'practice', 'policy']), source: z.string().min(1) }),
})

const policySchema = z.object({
  maxYearsPublicService: z.number().positive().max(100).optional(),
  maxYearsInfrastructure: z.number().positive().max(100).optional(),
  firstActionWithinDays: z.number().int().positive().max(3650).optional(),
  monevMaxGapMonths: z.number().int().positive().max(120).optional(),
  monevScores: z.array(z.number().int().min(0).max(100)).min(1).optional(),
  offerReplyWithinDays: z.number().int().positive().max(3650).optional(),
  dprdDecisionWithinDays: z.number().int().positive().max(3650).optional(),
  actionStartWithinDays: z.number().int().positive().max(3650).optional(),
  minMonevPerFiscalYear: z.number().int().min(0).max(12).optional(),
  isBordering: z.custom<(a: string, b: string) => boolean>((value) => typeof value === 'function', customError({ id: 'isBordering harus berupa fungsi', en: 'isBordering must be a function' })).optional(),
  disabledGuards: z.array(z.string()).optional(),
  extraGuards: z.array(guardShape).optional(),
})

const POLICY = { id: 'kebijakan kerja sama', en: 'agreement policy' }

/**
 * Fills the defaults and validates. `knownCodes` are the built-in guard codes:
 * disabling a code that does not exist is refused, because a typo would
 * otherwise leave the rule on while the region believes it is off.
 */
export function resolvePolicy(partial: Partial<AgreementPolicy>, knownCodes: readonly string[] = builtInGuards.map((guard) => guard.code)): AgreementPolicy {
  parseOrThrow(policySchema, partial ?? {}, POLICY)
  const input = partial ?? {}
  const disabledGuards = [...new Set(input.disabledGuards ?? [])]
  const unknown = disabledGuards.filter((code) => !knownCodes.includes(code))
  if (unknown.length > 0) {
    throw new ValidationError(POLICY, unknown.map((code) => localizedIssue('disabledGuards', { id: `tidak ada guard bawaan dengan kode ${code}`, en: `no built-in guard has the code ${code}` })))
  }
  const extraGuards = input.extraGuards ?? []
  const clashing = extraGuards.filter((guard) => knownCodes.includes(guard.code))
  if (clashing.length > 0) {
    throw new ValidationError(POLICY, clashing.map((guard) => localizedIssue('extraGuards', { id: `${guard.code} sudah dipakai sebagai kode guard bawaan`, en: `${guard.code} is a built-in guard code` })))
  }
  return Object.freeze({
    maxYearsPublicService: input.maxYearsPublicService ?? defaultPolicy.maxYearsPublicService,
    maxYearsInfrastructure: input.maxYearsInfrastructure ?? defaultPolicy.maxYearsInfrastructure,
    firstActionWithinDays: input.firstActionWithinDays ?? defaultPolicy.firstActionWithinDays,
    monevMaxGapMonths: input.monevMaxGapMonths ?? defaultPolicy.monevMaxGapMonths,
    actionStartWithinDays: input.actionStartWithinDays ?? defaultPolicy.actionStartWithinDays,
    minMonevPerFiscalYear: input.minMonevPerFiscalYear ?? defaultPolicy.minMonevPerFiscalYear,
    monevScores: Object.freeze([...(input.monevScores ?? defaultPolicy.monevScores)]),
    ...(input.isBordering === undefined ? {} : { isBordering: input.isBordering }),
    ...(input.offerReplyWithinDays === undefined ? {} : { offerReplyWithinDays: input.offerReplyWithinDays }),
    ...(input.dprdDecisionWithinDays === undefined ? {} : { dprdDecisionWithinDays: input.dprdDecisionWithinDays }),
    disabledGuards: Object.freeze(disabledGuards),
    extraGuards: Object.freeze([...extraGuards]),
  })
}
