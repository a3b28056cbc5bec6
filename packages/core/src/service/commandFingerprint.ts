import { fingerprintOf } from '../idempotencyFingerprint'
import type { Actor } from '../store'

/**
 * What an idempotency key given to the service stands for (R4): the parsed
 * command and who issued it, as a sha256 of their canonical JSON.
 *
 * - An agreement id the service assigned (IdentifyCooperation sent without
 *   one) is left out: a retry is given a fresh id, and must still count as
 *   the same command, so it returns the first agreement instead of creating a
 *   second one.
 * - The actor is in. The same key and command from another actor is refused,
 *   not answered with the first result: that answer would hand one officer
 *   another's result (an agreement id, its events) without their own
 *   authority ever being checked, and tell them their command was recorded
 *   when the record names someone else. A client retries as the same actor.
 * - The correlation id is out: it traces a request, it does not change what
 *   the command does, and a client may send a new one with its retry.
 */
export function commandFingerprint(command: object, actor: Actor, agreementIdAssigned: boolean): string {
  const stated = agreementIdAssigned ? withoutAgreementId(command) : command
  return fingerprintOf({ kind: 'agreement-command', command: stated, actor })
}

function withoutAgreementId(command: object): object {
  const { agreementId: _assigned, ...rest } = command as { agreementId?: unknown }
  return rest
}
