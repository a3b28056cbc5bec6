import { describe, expect, it } from 'vitest'
import { InvalidStoreInput } from '@kerjasama/core'
import * as contract from '../src/index'
import { expectCoded } from '../src/expectCoded'
import { resolveContractOptions } from '../src/fixture'

// The suite itself runs against real stores in each adapter's package (store-memory,
// store-sqlite, store-postgres); running it here too would only double the time.
describe('store-contract package', () => {
  it('exports the three suite functions', () => {
    expect(typeof contract.describeEventStoreContract).toBe('function')
    expect(typeof contract.describeReadModelStoreContract).toBe('function')
    expect(typeof contract.describeSnapshotStoreContract).toBe('function')
  })

  it('fills in defaults that satisfy the R5 minimum of 8 concurrent writers', () => {
    expect(resolveContractOptions()).toEqual({ concurrentWriters: 8, eventsPerWriter: 25, numRuns: 25, maxEventBytes: 64 * 1024, testTimeout: 60_000 })
    expect(resolveContractOptions({ numRuns: 5 }).numRuns).toBe(5)
  })

  it('expectCoded accepts only the expected coded error', async () => {
    await expect(expectCoded(async () => { throw new InvalidStoreInput({ id: 'contoh', en: 'example' }) }, 'STORE_INPUT_INVALID')).resolves.toMatchObject({ code: 'STORE_INPUT_INVALID' })
    await expect(expectCoded(async () => 'fine')).rejects.toThrow(/succeeded/)
    await expect(expectCoded(async () => { throw new TypeError('raw') })).rejects.toThrow(/KerjasamaError/)
  })
})
