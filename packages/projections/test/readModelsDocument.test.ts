import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderReadModelsMarkdown } from '../scripts/readModelsDocument'

describe('docs/read-models.md', () => {
  it('is the output of the read models on the example agreements (pnpm --filter @kerjasama/projections docs:read-models)', async () => {
    const onDisk = readFileSync(new URL('../../../docs/read-models.md', import.meta.url), 'utf8')
    expect(onDisk).toBe(await renderReadModelsMarkdown())
  })
})
