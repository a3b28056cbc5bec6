import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadIndonesianRegions } from '../src'

const installed = (createRequire(import.meta.url)('idn-area-data/package.json') as { version: string; license: string }).version
const pages = {
  'docs/regions.md': fileURLToPath(new URL('../../../docs/regions.md', import.meta.url)),
  'packages/regions-id/README.md': fileURLToPath(new URL('../README.md', import.meta.url)),
}

// The regulation a dataset follows changes with its version; the docs must be
// rechecked whenever the dependency is bumped, so a bump fails here first.
describe.each(Object.entries(pages))('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8')

  it('names the installed idn-area-data version, the regulation and both licences', () => {
    expect(text).toContain(`idn-area-data ${installed}`)
    expect(text).toContain('Kepmendagri 300.2.2-2138/2025')
    expect(text).toContain('Open Database License (ODbL) 1.0')
    expect(text).toMatch(/MIT/)
  })
})

describe('the directory', () => {
  it('says which dataset version it was built from', async () => {
    expect((await loadIndonesianRegions()).source).toBe(`idn-area-data ${installed}`)
  })

  it('the dataset still declares the ODbL for its data', () => {
    const licence = readFileSync(createRequire(import.meta.url).resolve('idn-area-data/data/LICENSE.md'), 'utf8')
    expect(licence).toMatch(/^# Open Database License \(ODbL\)/)
  })
})
