import { describe, expect, it } from 'vitest'
import { parseRunOptions } from '../src/runner/runOptions'
import { FULL_SIZES } from '../src/workloads/workloadSizes'

describe('the command line', () => {
  it('by default runs every subject and workload, 3 rounds, full sizes, with budgets, and writes the doc', () => {
    const options = parseRunOptions([])
    expect(options).toMatchObject({ quick: false, rounds: 3, sizes: FULL_SIZES, installPeers: true, writeDoc: true })
    expect(options.subjects).toHaveLength(7)
    expect(options.workloads).toHaveLength(8)
    expect(options.budgetsMs?.W1).toBeGreaterThan(0)
  })

  it('--quick is a tenth of every size and one round, and does not rewrite the doc', () => {
    const options = parseRunOptions(['--quick'])
    expect(options.rounds).toBe(1)
    expect(options.sizes.commandPath.streams).toBe(FULL_SIZES.commandPath.streams / 10)
    expect(options.sizes.memory.events).toBe(FULL_SIZES.memory.events / 10)
    expect(options.sizes.rehydrate.streamLength).toBe(FULL_SIZES.rehydrate.streamLength / 10)
    expect(options.writeDoc).toBe(false)
    expect(options.peerTimeoutMs).toBe(90_000)
  })

  it('a partial run does not rewrite the doc unless asked to', () => {
    expect(parseRunOptions(['--subjects=kerjasama-sqlite']).writeDoc).toBe(false)
    expect(parseRunOptions(['--workloads=W1', '--doc']).writeDoc).toBe(true)
  })

  it('keeps the catalogue order of the subjects and workloads asked for', () => {
    const options = parseRunOptions(['--subjects=raw-sqlite,kerjasama-sqlite', '--workloads=W4,W1'])
    expect(options.subjects).toEqual(['kerjasama-sqlite', 'raw-sqlite'])
    expect(options.workloads).toEqual(['W1', 'W4'])
  })

  it('--no-budget runs full sizes, --no-peers installs nothing', () => {
    expect(parseRunOptions(['--no-budget']).budgetsMs).toBeUndefined()
    expect(parseRunOptions(['--no-peers']).installPeers).toBe(false)
  })

  it('refuses a misspelt option, an unknown subject and a malformed count, with the usage', () => {
    expect(() => parseRunOptions(['--quik'])).toThrow(/unknown option --quik[\s\S]*pnpm bench/)
    expect(() => parseRunOptions(['--subjects=emmet-sqlite'])).toThrow(/unknown emmet-sqlite/)
    expect(() => parseRunOptions(['--rounds=0'])).toThrow(/whole number/)
    expect(() => parseRunOptions(['quick'])).toThrow(/unknown argument quick/)
  })

  it('says what is wrong with an option given without its value, or with one it does not take', () => {
    expect(() => parseRunOptions(['--rounds'])).toThrow(/--rounds must be a whole number[\s\S]*pnpm bench/)
    expect(() => parseRunOptions(['--subjects'])).toThrow(/--subjects needs a comma-separated list/)
    expect(() => parseRunOptions(['--subjects='])).toThrow(/--subjects needs a comma-separated list/)
    expect(() => parseRunOptions(['--quick=yes'])).toThrow(/--quick takes no value/)
    expect(() => parseRunOptions(['--rounds=2.5'])).toThrow(/whole number/)
  })

  it('skips the lone -- pnpm passes on', () => {
    expect(parseRunOptions(['--', '--quick', '--no-peers'])).toMatchObject({ quick: true, installPeers: false })
  })
})
