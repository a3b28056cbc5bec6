import { AgreementNotFound, GuardViolation, NotAuthorized, ValidationError, isKerjasamaError } from '../errors'
import type { LocalizedMessage, Violation } from '../errors'
import { localizedIssue, parseOrThrow } from '../validation'
import { COMMAND, agreementCommandSchema } from './commands'
import type { AgreementCommand, CommandOf, PlannedActionInput } from './commands'
import type { DecideContext } from './context'
import { guardMessage } from './guard'
import { occurredOnOf } from './happenedOn'
import { GuardFailed } from './guardFailed'
import type { AgreementEvent, PlannedAction } from './events'
import { builtInGuards } from './guards'
import type { Guard } from './guards'
import { commandRoleBasis, commandRoles, mayIssue } from './roles'
import type { AgreementState } from './state'

export { COMMAND } from './commands'

/**
 * decide: parse → role → existence → every applicable guard → events. Pure:
 * the instant, the actor and ids come from the context, so replaying the same
 * inputs gives the same events.
 */
export function decide(command: unknown, state: AgreementState, ctx: DecideContext): AgreementEvent[] {
  const valid = parseOrThrow(agreementCommandSchema, command, COMMAND)
  if (!mayIssue(ctx.actor.role, valid.type)) throw new NotAuthorized(valid.type, ctx.actor.role, commandRoles[valid.type], commandRoleBasis[valid.type])
  // Only identification starts an agreement; any other step on nothing is a
  // wrong address, not a step at the wrong stage.
  if (state.status === 'none' && valid.type !== 'IdentifyCooperation') throw new AgreementNotFound(valid.agreementId)
  const violations = findViolations(valid, state, ctx)
  if (violations.length > 0) throw new GuardViolation(valid.type, violations)
  return [eventFor(valid, state, ctx)]
}

/** Every violated rule for this command, built-in (unless disabled) and the region's own. */
export function findViolations(command: AgreementCommand, state: AgreementState, ctx: DecideContext): Violation[] {
  const disabled = new Set(ctx.policy.disabledGuards)
  const guards = [...builtInGuards.filter((guard) => !disabled.has(guard.code)), ...ctx.policy.extraGuards]
  const violations: Violation[] = []
  for (const guard of guards) {
    if (!guard.when.includes(command.type)) continue
    const outcome = runCheck(guard, command, state, ctx)
    if (outcome === true) continue
    violations.push({
      code: guard.code,
      message: messageOf(guard, ctx),
      basis: guard.basis,
      ...(typeof outcome === 'object' ? { details: outcome } : {}),
    })
  }
  return violations
}

/** The guard's message under the region's policy; a region's message function that breaks refuses like a broken check. */
function messageOf(guard: Guard, ctx: DecideContext): LocalizedMessage {
  try {
    const message = guardMessage(guard, ctx.policy)
    if (typeof message?.id === 'string' && typeof message.en === 'string') return message
  } catch (error) {
    throw new GuardFailed(guard.code, error, guard.basis)
  }
  throw new GuardFailed(guard.code, new TypeError('the guard message is not an { id, en } message'), guard.basis)
}

function runCheck(guard: Guard, command: AgreementCommand, state: AgreementState, ctx: DecideContext): boolean | Record<string, unknown> {
  try {
    const outcome = guard.check(state, command, ctx)
    return outcome === true || outcome === false || (typeof outcome === 'object' && outcome !== null) ? outcome : false
  } catch (error) {
    if (isKerjasamaError(error)) throw error
    // A region's own guard is caller code; if it breaks, the command is
    // refused with a coded error rather than let through unchecked.
    throw new GuardFailed(guard.code, error, guard.basis)
  }
}

function eventFor(command: AgreementCommand, state: AgreementState, ctx: DecideContext): AgreementEvent {
  const at = ctx.now.toISOString()
  switch (command.type) {
    case 'IdentifyCooperation': {
      const { type: _type, agreementId, ...data } = command
      return { type: 'CooperationIdentified', schemaVersion: 1, data: { ...data, agreementId: agreementId ?? ctx.newId(), at } }
    }
    case 'MapAffairs': {
      const { type: _type, agreementId: _id, ...data } = command
      return { type: 'AffairsMapped', schemaVersion: 1, data: { ...data, at } }
    }
    case 'AssessFeasibility':
      return { type: 'FeasibilityAssessed', schemaVersion: 1, data: { verdict: command.verdict, notes: command.notes, at } }
    case 'SendOffer':
      return { type: 'OfferSent', schemaVersion: 1, data: { ...optional('letterReference', command.letterReference), at } }
    case 'RecordOfferResponse':
      return { type: 'OfferResponseRecorded', schemaVersion: 1, data: { partnerId: command.partnerId, accepted: command.accepted, ...optional('notes', command.notes), at } }
    case 'AgreeWorkPlan': {
      const { type: _type, agreementId: _id, actions, ...plan } = command
      return { type: 'WorkPlanAgreed', schemaVersion: 1, data: { ...plan, actions: actions.map((action) => namedAction(action, ctx)), at } }
    }
    case 'ReviewDraft':
      return { type: 'DraftReviewed', schemaVersion: 1, data: { document: command.document, draftReference: command.draftReference, notes: command.notes, at } }
    case 'RequestDprdApproval': {
      const { type: _type, agreementId: _id, ...request } = command
      return {
        type: 'DprdApprovalRequested',
        schemaVersion: 1,
        data: { ...request, ...optional('object', state.object), ...optional('duration', state.term.workPlan?.duration), at },
      }
    }
    case 'RecordDprdApproval':
      return { type: 'DprdApprovalRecorded', schemaVersion: 1, data: { approved: command.approved, decisionReference: command.decisionReference, decidedOn: command.decidedOn, at } }
    case 'SignKesepakatanBersama':
      return { type: 'KesepakatanBersamaSigned', schemaVersion: 1, data: signatureData(command, ctx, state) }
    case 'SignPerjanjianKerjaSama':
      return { type: 'PerjanjianKerjaSamaSigned', schemaVersion: 1, data: signatureData(command, ctx, state) }
    case 'SignNotaKesepakatan':
      return { type: 'NotaKesepakatanSigned', schemaVersion: 1, data: signatureData(command, ctx, state) }
    // The day it happened is always written, today when the command names
    // none, so a reader never has to guess which clock an event followed.
    case 'StartAction':
      return { type: 'ActionStarted', schemaVersion: 1, data: { actionId: command.actionId, occurredOn: occurredOnOf(command, ctx.now, state), at } }
    case 'CompleteAction': {
      return {
        type: 'ActionCompleted',
        schemaVersion: 1,
        data: { actionId: command.actionId, ...optional('evidence', command.evidence), ...optional('outputAchieved', command.outputAchieved), occurredOn: occurredOnOf(command, ctx.now, state), at },
      }
    }
    case 'RecordMonev':
      return {
        type: 'MonevRecorded',
        schemaVersion: 1,
        data: { score: command.score, findings: command.findings, recommendation: command.recommendation, occurredOn: occurredOnOf(command, ctx.now, state), at },
      }
    case 'Amend':
      return {
        type: 'AgreementAmended',
        schemaVersion: 1,
        data: {
          description: command.description,
          ...optional('documentReference', command.documentReference),
          ...(command.addActions === undefined ? {} : { addActions: command.addActions.map((action) => namedAction(action, ctx)) }),
          ...optional('funding', command.funding),
          at,
        },
      }
    case 'Extend':
      return { type: 'ExtensionOpened', schemaVersion: 1, data: { reason: command.reason, at } }
    case 'Terminate':
      return { type: 'AgreementTerminated', schemaVersion: 1, data: { reason: command.reason, ...optional('supersededBy', command.supersededBy), at } }
    case 'Expire':
      return { type: 'AgreementExpired', schemaVersion: 1, data: { at } }
  }
  return unreachable(command, state)
}

function unreachable(command: never, _state: AgreementState): never {
  const type = String((command as { type?: unknown }).type)
  throw new ValidationError(COMMAND, [localizedIssue('type', { id: `perintah ${type} tidak ditangani`, en: `unhandled command ${type}` })])
}

function namedAction(action: PlannedActionInput, ctx: DecideContext): PlannedAction {
  return { ...action, actionId: action.actionId ?? ctx.newId() }
}

function signatureData(command: CommandOf<'SignKesepakatanBersama' | 'SignPerjanjianKerjaSama' | 'SignNotaKesepakatan'>, ctx: DecideContext, state: AgreementState) {
  return { partyId: command.partyId, signer: command.signer, ...optional('documentReference', command.documentReference), occurredOn: occurredOnOf(command, ctx.now, state), at: ctx.now.toISOString() }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
