/**
 * Writes docs/read-models.md from the read models run on the example
 * agreements. Run: pnpm --filter @kerjasama/projections docs:read-models
 * test/readModelsDocument.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderReadModelsMarkdown } from './readModelsDocument'

const target = fileURLToPath(new URL('../../../docs/read-models.md', import.meta.url))
writeFileSync(target, await renderReadModelsMarkdown(), 'utf8')
console.log(`wrote ${target}`)
