import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readmeWithOutput } from './support/readmeOutput'

describe('examples/jateng README', () => {
  it('shows the read models’ output exactly as the seed scenario gives it (pnpm --filter @kerjasama/example-jateng readme)', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(readme).toBe(await readmeWithOutput(readme))
  })
})
