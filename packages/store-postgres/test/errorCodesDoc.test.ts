import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifyPgFailure } from '../src/pgFailure'

const doc = readFileSync(new URL('../../../docs/adapters.md', import.meta.url), 'utf8')

function tableAfter(marker: string): string[][] {
  const lines = (doc.split(`<!-- ${marker} -->\n`)[1] ?? '').split('\n')
  const end = lines.findIndex((line) => !line.startsWith('|'))
  return lines.slice(2, end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
}

/** A SQLSTATE comes from the server (it has a severity); a network code such as ECONNREFUSED from the driver. */
function failure(code: string): Error {
  const isSqlstate = /^[0-9A-Z]{5}$/.test(code)
  return Object.assign(new Error('x'), isSqlstate ? { code, severity: 'FATAL' } : { code })
}

describe('docs/adapters.md, PostgreSQL errors', () => {
  it('its table gives, for every SQLSTATE class and network code it names, the code the adapter returns', () => {
    const rows = tableAfter('postgres-error-codes')
    expect(rows.map((row) => row[1])).toEqual(['`STORE_UNAVAILABLE`', '`STORE_MISCONFIGURED`', '`STORE_CORRUPT`', '`STORE_FAILED`'])
    for (const [failures, code] of rows as Array<[string, string]>) {
      const named = [...failures.matchAll(/`([0-9A-Zx_]+)`/g)].map((match) => match[1] as string)
      expect(named.length, failures).toBeGreaterThan(0)
      // A class such as 08xxx stands for every code in it: two are tried.
      const tried = named.flatMap((name) => (name.endsWith('xxx') ? [name.replace('xxx', '000'), name.replace('xxx', '006')] : [name]))
      for (const tryCode of tried) expect(classifyPgFailure(failure(tryCode), 'append').code, tryCode).toBe(code.replaceAll('`', ''))
    }
  })
})
