/**
 * Writes docs/commands.md from the command schemas, roles and guards. Run: pnpm --filter @kerjasama/core docs:commands
 * test/commandsDocument.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderCommandsMarkdown } from './commandsDocument'

const target = fileURLToPath(new URL('../../../docs/commands.md', import.meta.url))
writeFileSync(target, await renderCommandsMarkdown(), 'utf8')
console.log(`wrote ${target}`)
