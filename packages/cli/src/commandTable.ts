import type { Command } from './command'
import { deadlinesCommand } from './commands/deadlines'
import { demoCommand } from './commands/demo'
import { historyCommand } from './commands/history'
import { rebuildCommand } from './commands/rebuild'
import { registerCommand } from './commands/register'
import { reportCommand } from './commands/report'
import { serveCommand } from './commands/serve'
import { skipCommand } from './commands/skip'
import { statusCommand } from './commands/status'
import { verifyCommand } from './commands/verify'
import { watchlistCommand } from './commands/watchlist'

/** Every command of `kerjasama`, in the order --help lists them. A new command is one file in commands/ and one entry here. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  serveCommand,
  statusCommand,
  registerCommand,
  watchlistCommand,
  deadlinesCommand,
  reportCommand,
  historyCommand,
  rebuildCommand,
  skipCommand,
  verifyCommand,
]
