import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { commandTypes } from '../src'
import { renderCommandsMarkdown } from '../scripts/commandsDocument'

describe('docs/commands.md', () => {
  it('is generated from the schemas, roles and guards (pnpm --filter @kerjasama/core docs:commands)', async () => {
    const onDisk = readFileSync(new URL('../../../docs/commands.md', import.meta.url), 'utf8')
    expect(onDisk).toBe(await renderCommandsMarkdown())
  })

  it('has a section for every command and a stage diagram reaching every stage', async () => {
    const text = await renderCommandsMarkdown()
    for (const type of commandTypes) expect(text).toContain(`\n## ${type}\n`)
    for (const stage of ['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated', 'ended']) expect(text).toMatch(new RegExp(`--> ${stage}:`))
  })
})
