import { isKerjasamaError, isRefusal } from '@kerjasama/core'
import type { LocalizedMessage, RefusalReason } from '@kerjasama/core'
import type { Language } from '../language'
import { PROBLEM_TYPE_BASE, isProblemCode, problemCatalogue } from './problemCatalogue'
import type { ProblemCode, ProblemKind } from './problemCatalogue'

/**
 * An RFC 9457 problem document. `title` and `detail` are in the language the
 * request asked for (`?lang=`, then Accept-Language, default Bahasa
 * Indonesia); both languages are always there as `title_id`/`title_en` and
 * `detail_id`/`detail_en`, so a client can show either without asking again.
 */
export type ProblemBody = {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: ProblemCode
  title_id: string
  title_en: string
  detail_id: string
  detail_en: string
  violations: RefusalReason[]
}

export type RenderedProblem = {
  status: number
  body: ProblemBody
  headers: Record<string, string>
  /** A server fault: the handler reports the original error to onUnexpectedError. */
  unexpected: boolean
}

/**
 * The guards that say for which party an actor may act. A command they
 * refuse is the actor's to be refused (403), whatever else is wrong with it:
 * telling someone who may not act at all which fields to correct would
 * invite them to try again.
 */
export const PARTY_RULE_CODES = ['ACTOR_NOT_OF_INITIATING_REGION', 'ACTOR_NOT_OF_PARTY', 'ACTOR_OUTSIDE_AGREEMENT'] as const satisfies readonly ProblemCode[]

/** The code a KerjasamaError answers with: its own, or the party rule a guard violation includes. */
export function problemCodeOf(error: { code: string; violations?: ReadonlyArray<{ code: string }> }): ProblemCode {
  if (error.code === 'GUARD_VIOLATION') {
    const partyRule = PARTY_RULE_CODES.find((code) => error.violations?.some((violation) => violation.code === code))
    if (partyRule !== undefined) return partyRule
  }
  return isProblemCode(error.code) ? error.code : 'INTERNAL_ERROR'
}

export function problemTypeOf(code: ProblemCode): string {
  return `${PROBLEM_TYPE_BASE}${problemCatalogue[code].slug}`
}

export function renderProblem(error: unknown, context: { language: Language; instance: string }): RenderedProblem {
  const code = isKerjasamaError(error) ? problemCodeOf(error as { code: string; violations?: ReadonlyArray<{ code: string }> }) : 'INTERNAL_ERROR'
  const kind: ProblemKind = problemCatalogue[code]
  const exposed = isKerjasamaError(error) && kind.expose
  const detail: LocalizedMessage = exposed ? error.localized : kind.title
  const violations: RefusalReason[] = !exposed
    ? []
    : isRefusal(error)
      ? error.violations.map((violation) => ({ ...violation }))
      : // Not a refusal of a rule (a store that is down, a key used twice): its own code and details, with the problem type as basis.
        [{ code: error.code, message: error.localized, basis: { kind: 'policy', source: problemTypeOf(code) }, details: { ...error.details } }]
  const body: ProblemBody = {
    type: problemTypeOf(code),
    title: kind.title[context.language],
    status: kind.status,
    detail: detail[context.language],
    instance: context.instance,
    code,
    title_id: kind.title.id,
    title_en: kind.title.en,
    detail_id: detail.id,
    detail_en: detail.en,
    violations,
  }
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': context.language }
  if (kind.retryAfterSeconds !== undefined) headers['retry-after'] = String(kind.retryAfterSeconds)
  const allowed = isKerjasamaError(error) && code === 'METHOD_NOT_ALLOWED' ? error.details.allowed : undefined
  if (Array.isArray(allowed)) headers.allow = allowed.join(', ')
  return { status: kind.status, body, headers, unexpected: kind.status === 500 }
}
