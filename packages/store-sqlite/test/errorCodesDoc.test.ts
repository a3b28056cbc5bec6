import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifySqliteError } from '../src/sqliteFailure'

const doc = readFileSync(new URL('../../../docs/adapters.md', import.meta.url), 'utf8')

/** The rows of the markdown table right after `<!-- marker -->`, as cells. */
function tableAfter(marker: string): string[][] {
  const lines = (doc.split(`<!-- ${marker} -->\n`)[1] ?? '').split('\n')
  const end = lines.findIndex((line) => !line.startsWith('|'))
  return lines.slice(2, end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
}

describe('docs/adapters.md, SQLite errors', () => {
  it('its table gives, for every SQLite result it names, the code the adapter returns', () => {
    const rows = tableAfter('sqlite-error-codes')
    expect(rows.map((row) => row[1])).toEqual(['`STORE_UNAVAILABLE`', '`STORE_CORRUPT`', '`STORE_MISCONFIGURED`', '`STORE_FAILED`'])
    for (const [results, code] of rows as Array<[string, string]>) {
      const named = [...results.matchAll(/`(SQLITE_[A-Z_]+)`/g)].map((match) => match[1] as string)
      expect(named.length, results).toBeGreaterThan(0)
      for (const result of named) {
        for (const variant of [result, `${result}_EXTENDED`]) {
          const error = Object.assign(new Error('x'), { name: 'SqliteError', code: variant })
          expect(classifySqliteError(error, 'append').code, variant).toBe(code.replaceAll('`', ''))
        }
      }
    }
  })
})
