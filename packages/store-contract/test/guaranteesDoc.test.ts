import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const sourceDir = join(import.meta.dirname, '..', 'src')
const guarantees = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'guarantees.md'), 'utf8')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))
}

/** Every test name the suite declares, read from its source as written (quotes unescaped). */
function declaredTestNames(): string[] {
  const names: string[] = []
  for (const file of sourceFiles(sourceDir)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\bit\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) names.push((match[2] as string).replace(/\\(.)/g, '$1'))
  }
  return names
}

// The guarantees page is what users read; if a test is added or renamed and the page is not, they drift apart.
describe('docs/guarantees.md', () => {
  const names = declaredTestNames()

  it('every contract test name starts with its requirement number', () => {
    expect(names.length).toBeGreaterThan(50)
    expect(names.filter((name) => !/^R\d+ /.test(name))).toEqual([])
  })

  it('every requirement R1-R21 has at least one test', () => {
    const numbers = new Set(names.map((name) => Number(/^R(\d+)/.exec(name)?.[1])))
    expect([...Array(21).keys()].map((index) => index + 1).filter((n) => !numbers.has(n))).toEqual([])
  })

  it('lists every contract test by its exact name', () => {
    expect(names.filter((name) => !guarantees.includes(`\`${name}\``))).toEqual([])
  })

  it('lists no test that the suite no longer declares', () => {
    const listed = [...guarantees.matchAll(/^- `(R\d+ [^`]+)`/gm)].map((match) => match[1] as string)
    expect(listed.length).toBeGreaterThan(50)
    const declared = new Set(names)
    expect(listed.filter((name) => !declared.has(name))).toEqual([])
  })
})
