import { KerjasamaError } from '../errors'
import type { GuardBasis, RefusalReason } from '../errors'

/**
 * A guard's check threw (in practice a region's own extra guard). The command
 * is refused rather than let through unchecked; the cause keeps the original
 * error for the logs, the message names only the rule.
 */
export class GuardFailed extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(guardCode: string, cause: unknown, basis: GuardBasis = { kind: 'policy', source: `aturan ${guardCode}` }) {
    const message = { id: `Aturan ${guardCode} gagal dijalankan; perintah ditolak sampai aturannya diperbaiki`, en: `Rule ${guardCode} failed to run; the command is refused until the rule is fixed` }
    super('GUARD_FAILED', message, { guardCode }, { cause })
    this.violations = [{ code: guardCode, message, basis, details: { guardCode } }]
  }
}
