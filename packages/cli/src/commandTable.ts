import type { Command } from './command'
import { demoCommand } from './commands/demo'
import { verifyCommand } from './commands/verify'

/** Every command of `kerjasama`, in the order --help lists them. A new command is one file in commands/ and one entry here. */
export const COMMANDS: readonly Command[] = [demoCommand, verifyCommand]
