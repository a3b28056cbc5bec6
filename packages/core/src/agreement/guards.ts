import * as identification from './guards/identification'
import * as mapping from './guards/mapping'
import * as coordination from './guards/coordination'
import * as dprd from './guards/dprd'
import * as signing from './guards/signing'
import * as implementation from './guards/implementation'
import * as parties from './guards/parties'
import * as happenedOn from './guards/happenedOn'
import { partyNotSigned, wrongStage } from './guards/stage'
import type { Guard } from './guard'

export type { Guard, GuardMessage, GuardOutcome } from './guard'
export { defineGuard, guardMessage } from './guard'
export { allowedWajibPairing } from './guards/identification'

/**
 * Every rule of domain.md, in procedure order. docs/domain-rules.md is
 * rendered from this table (pnpm docs:rules); a test fails when it is stale.
 */
export const builtInGuards: readonly Guard[] = Object.freeze([
  wrongStage,
  parties.actorNotOfInitiatingRegion,
  parties.actorNotOfParty,
  parties.actorOutsideAgreement,
  identification.notCooperation,
  identification.foreignCooperation,
  identification.unknownRegion,
  identification.administrativeAreaNotAParty,
  identification.partnerKindMismatch,
  identification.duplicateParty,
  identification.borderingPredicateMissing,
  identification.ksddWajibNotBordering,
  identification.ksddWajibPairing,
  mapping.absoluteAffair,
  mapping.unknownUrusan,
  mapping.studiKelayakanRequired,
  mapping.planningDocumentRequired,
  coordination.offerBeforeFeasibility,
  coordination.offerNotSent,
  coordination.offerReplyLate,
  coordination.unknownParty,
  coordination.partnerNotAccepted,
  coordination.workPlanWithoutAction,
  coordination.duplicateAction,
  coordination.invalidPeriod,
  coordination.durationExceedsLimit,
  dprd.dprdRequestBeforeKb,
  dprd.dprdDecisionPendingGuard,
  dprd.dprdNotRequested,
  dprd.dprdDecisionDateOutOfRange,
  happenedOn.occurredInFuture,
  happenedOn.occurredBeforePreviousStep,
  dprd.dprdApprovalRequired,
  signing.signingDocumentMismatch,
  signing.draftNotReviewed,
  signing.pksBeforeKb,
  signing.alreadySigned,
  signing.kbSignerNotKepalaDaerah,
  signing.pksKuasaWithoutSuratKuasa,
  signing.signerCapacityMismatch,
  signing.noActionDueSoon,
  partyNotSigned,
  implementation.unknownAction,
  implementation.actionAlreadyCompleted,
  implementation.implementedWithoutEvidence,
  implementation.monevScoreOffRubric,
  implementation.notYetExpired,
  implementation.extensionAsDateEdit,
  implementation.amendmentWithoutAddendum,
])

export const builtInGuardCodes: readonly string[] = Object.freeze(builtInGuards.map((guard) => guard.code))
