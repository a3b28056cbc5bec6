import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { storeInputReasons } from '@kerjasama/core/adapter'
import type { LocalizedMessage } from '@kerjasama/core'

// Reasons an adapter gives only on a live database (a duplicate event id
// racing in, a value PostgreSQL refuses) are hard to provoke from a property,
// so every construction in the source is checked for a reason in both languages.
const root = fileURLToPath(new URL('../../../', import.meta.url))

function sourceFiles(): string[] {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const src = join(root, 'packages', entry.name, 'src')
      try {
        return readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(src, file))
      } catch {
        return []
      }
    })
}

type Construction = { where: string; reason: ts.Expression | undefined; sourceFile: ts.SourceFile; reasonModules: Set<string> }

function constructions(file: string): Construction[] {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  // Local names under which storeInputReasons is imported (it may be renamed).
  const reasonModules = new Set<string>(['storeInputReasons'])
  const found: Construction[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) && (node.propertyName ?? node.name).text === 'storeInputReasons') reasonModules.add(node.name.text)
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'InvalidStoreInput') {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart())
      found.push({ where: `${file.slice(root.length)}:${line + 1}`, reason: node.arguments?.[0], sourceFile, reasonModules })
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

function rootIdentifier(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text
  if (ts.isPropertyAccessExpression(expression) || ts.isCallExpression(expression)) return rootIdentifier(expression.expression)
  return undefined
}

/** Why a reason argument is not bilingual, or undefined when it is. */
function problemWith({ reason, sourceFile, reasonModules }: Construction): string | undefined {
  if (reason === undefined) return 'no reason given'
  if (ts.isObjectLiteralExpression(reason)) {
    const text = (name: string): string | undefined => {
      const property = reason.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)
      return property !== undefined && ts.isPropertyAssignment(property) ? property.initializer.getText(sourceFile).slice(1, -1) : undefined
    }
    const id = text('id')
    const en = text('en')
    if (id === undefined || en === undefined) return 'the reason object needs both id and en'
    if (id === en || id.includes(en)) return 'the Indonesian reason repeats the English one'
    return undefined
  }
  const base = rootIdentifier(reason)
  if (base !== undefined && reasonModules.has(base)) return undefined
  return `the reason is neither { id, en } nor from storeInputReasons: ${reason.getText(sourceFile)}`
}

describe('every InvalidStoreInput in the source gives its reason in both languages', () => {
  const files = sourceFiles()
  const all = files.flatMap(constructions)

  it('finds every construction the plain text search finds', () => {
    const textual = files.reduce((count, file) => count + (readFileSync(file, 'utf8').match(/new InvalidStoreInput\(/g) ?? []).length, 0)
    expect(all.length).toBe(textual)
    expect(all.length).toBeGreaterThan(40)
  })

  it('passes { id, en } or a shared storeInputReasons entry at each construction', () => {
    const problems = all.flatMap((construction) => {
      const problem = problemWith(construction)
      return problem === undefined ? [] : [`${construction.where}: ${problem}`]
    })
    expect(problems).toEqual([])
  })

  it('words each shared reason in Indonesian, not as a copy of the English', () => {
    const samples: LocalizedMessage[] = Object.values(storeInputReasons).flatMap((entry: unknown) =>
      typeof entry === 'function' ? [entry('someField', 0), entry('someField', 1)] : [entry as LocalizedMessage],
    )
    for (const { id, en } of samples) {
      expect(id.length).toBeGreaterThan(0)
      expect(en.length).toBeGreaterThan(0)
      expect(id).not.toContain(en)
    }
  })
})
