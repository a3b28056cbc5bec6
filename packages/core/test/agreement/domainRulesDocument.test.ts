import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { builtInGuards, defaultPolicy, guardMessage, renderDomainRulesMarkdown } from '../../src/agreement'

const file = fileURLToPath(new URL('../../../../docs/domain-rules.md', import.meta.url))

describe('docs/domain-rules.md', () => {
  it('is what the guards table renders (run `cd packages/core && pnpm docs:rules` when this fails)', () => {
    expect(readFileSync(file, 'utf8')).toBe(renderDomainRulesMarkdown())
  })

  it('has one row per built-in guard with both languages and the basis', () => {
    const rendered = renderDomainRulesMarkdown()
    for (const guard of builtInGuards) {
      const row = rendered.split('\n').find((line) => line.startsWith(`| \`${guard.code}\``))
      expect(row).toBeDefined()
      expect(row).toContain(guard.basis.kind)
      expect(row).toContain(guardMessage(guard, defaultPolicy).en.replace(/\|/g, '\\|'))
    }
  })
})
