import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const testDir = import.meta.dirname
const page = readFileSync(join(testDir, '..', '..', '..', '..', 'docs', 'projections.md'), 'utf8')
const REQUIREMENTS = 15

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? testFiles(join(dir, entry.name)) : entry.name.endsWith('.test.ts') && entry.name !== 'projectionsDoc.test.ts' ? [join(dir, entry.name)] : [],
  )
}

/** Every runner test name as written in its source (quotes unescaped); this file's own tests check the page and are no requirement's. */
function declaredTestNames(): string[] {
  const names: string[] = []
  for (const file of testFiles(testDir)) {
    const text = readFileSync(file, 'utf8')
    // it('…'), it.skipIf(…)('…'), and it.each(…)('… %s …'), whose name is the template.
    for (const match of text.matchAll(/\bit(?:\.skipIf\([^)]*\))?(?:\.each(?:<[^(]*>)?\([\s\S]*?\))?\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) names.push((match[2] as string).replace(/\\(.)/g, '$1'))
  }
  return names
}

// The page is what users read about the runner's promises; renaming or adding a test without it would let them drift.
describe('docs/projections.md', () => {
  const names = declaredTestNames()

  it('every runner test name starts with its requirement number, and every requirement has a test and a section', () => {
    expect(names.length).toBeGreaterThan(40)
    expect(names.filter((name) => !/^P\d+ /.test(name))).toEqual([])
    const numbers = new Set(names.map((name) => Number(/^P(\d+)/.exec(name)?.[1])))
    const all = Array.from({ length: REQUIREMENTS }, (_, index) => index + 1)
    expect(all.filter((n) => !numbers.has(n))).toEqual([])
    expect([...numbers].filter((n) => n > REQUIREMENTS)).toEqual([])
    expect(all.filter((n) => !page.includes(`\n### P${n} `) || !page.includes(`\n| P${n} |`))).toEqual([])
  })

  it('lists every runner test by its exact name, and no test that no longer exists', () => {
    expect(names.filter((name) => !page.includes(`\`${name}\``))).toEqual([])
    const listed = [...page.matchAll(/^- `(P\d+ [^`]+)`/gm)].map((match) => match[1] as string)
    const declared = new Set(names)
    expect(listed.filter((name) => !declared.has(name))).toEqual([])
  })

  it('quotes the user projection example exactly as the test that runs it', () => {
    const source = readFileSync(join(testDir, 'userProjectionExample.test.ts'), 'utf8')
    const tested = /\/\/ docs:start user-projection\n([\s\S]*?)\/\/ docs:end/.exec(source)?.[1]
    const shown = /## A projection of your own[\s\S]*?```ts\n([\s\S]*?)```/.exec(page)?.[1]
    expect(tested).toBeDefined()
    expect(shown).toBe(tested)
  })
})
