import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gettingStarted } from '../src/gettingStarted'

describe('docs/getting-started.md', () => {
  it('shows exactly the code this test runs', () => {
    const page = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8')
    const code = readFileSync(new URL('../src/gettingStarted.ts', import.meta.url), 'utf8')
    expect(page).toContain(['```ts', code.trimEnd(), '```'].join('\n'))
  })

  it('walks one agreement from identified to evaluated, with a refused ceremonial step and the read models', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kerjasama-getting-started-'))
    try {
      const lines: string[] = []
      await gettingStarted(join(directory, 'getting-started.db'), (line) => lines.push(line))
      expect(lines).toEqual([
        'stage after signing: signed',
        expect.stringMatching(/^refused IMPLEMENTED_WITHOUT_EVIDENCE: /),
        'stage after monev: evaluated',
        'register: Pengembangan sentra gula merah Kebumen — evaluated, ends 2025-03-29',
        'watchlist MONEV_OVERDUE: No monitoring and evaluation (monev) for more than 6 months',
      ])
      const page = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8')
      expect(page).toContain(['It prints:', '', '```text', ...lines, '```'].join('\n'))
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
