import { KerjasamaError } from '@kerjasama/core'
import type { LocalizedMessage } from '@kerjasama/core'

/**
 * The command line itself is wrong. It is printed as one line per language
 * pointing to --help, never the whole help, and exits with EXIT.usage.
 * `command` is set once the command is known, so the pointer is to its help.
 */
export class UsageError extends KerjasamaError {
  readonly command: string | undefined
  constructor(reason: LocalizedMessage, command?: string) {
    super('CLI_USAGE', reason, command === undefined ? {} : { command })
    this.command = command
  }
}
