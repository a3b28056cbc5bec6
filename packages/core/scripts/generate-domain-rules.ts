/**
 * Writes docs/domain-rules.md from the guards table. Run from packages/core:
 *   pnpm docs:rules
 * test/agreement/domainRulesDocument.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderDomainRulesMarkdown } from '../src/agreement/guardsDocument'

const target = fileURLToPath(new URL('../../../docs/domain-rules.md', import.meta.url))
writeFileSync(target, renderDomainRulesMarkdown(), 'utf8')
console.log(`wrote ${target}`)
