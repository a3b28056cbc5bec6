import { KerjasamaError } from '../errors'

/**
 * A guard's check threw (in practice a region's own extra guard). The command
 * is refused rather than let through unchecked; the cause keeps the original
 * error for the logs, the message names only the rule.
 */
export class GuardFailed extends KerjasamaError {
  constructor(guardCode: string, cause: unknown) {
    super('GUARD_FAILED', { id: `Aturan ${guardCode} gagal dijalankan`, en: `Rule ${guardCode} failed to run` }, { guardCode }, { cause })
  }
}
