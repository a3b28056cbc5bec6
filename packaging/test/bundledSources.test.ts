import { describe, expect, it } from 'vitest'
import { bundledSourceProblems } from '../src/bundledSources'

describe('the check for code bundled from elsewhere', () => {
  const cli = { name: '@kerjasama/cli' }
  const map = (sources: string[]): string => JSON.stringify({ version: 3, sources, mappings: '' })

  it('accepts a bundle of the package’s own sources and of folders bundled on purpose', () => {
    const maps = new Map([['dist/chunk.js.map', map(['../src/index.ts', '../src/commands/demo.ts', '../../../examples/jateng/src/index.ts'])]])
    expect(bundledSourceProblems(cli, '/repo/packages/cli', maps, ['/repo/examples'])).toEqual([])
  })

  it('refuses a bundle holding another package or a dependency from node_modules, once per file', () => {
    const maps = new Map([
      ['dist/chunk.js.map', map(['../src/index.ts', '../../projections/dist/index.js', '../../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/core.js'])],
      ['dist/other.js.map', map(['../../projections/dist/index.js'])],
    ])
    expect(bundledSourceProblems(cli, '/repo/packages/cli', maps, ['/repo/examples'])).toEqual([
      '@kerjasama/cli: its bundle holds ../projections/dist/index.js; declare that package a dependency instead',
      '@kerjasama/cli: its bundle holds ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/core.js; declare that package a dependency instead',
    ])
  })
})
