import { describe, expect, it, vi } from 'vitest'
import { isKerjasamaError } from '@kerjasama/core'

// The dependency's files are missing (a broken install): start-up gets a coded error, not a bare ENOENT.
vi.mock('idn-area-data', () => ({
  getProvinces: async () => {
    throw Object.assign(new Error("ENOENT: no such file or directory, open '/x/provinces.csv'"), { code: 'ENOENT' })
  },
  getRegencies: async () => [],
}))

const { readIdnAreaData, RegionDataUnavailable } = await import('../src')

describe('readIdnAreaData', () => {
  it('turns an unreadable dataset into REGION_DATA_UNAVAILABLE, naming the package and the reason only', async () => {
    const error: unknown = await readIdnAreaData().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RegionDataUnavailable)
    expect(isKerjasamaError(error) && error.code).toBe('REGION_DATA_UNAVAILABLE')
    expect(isKerjasamaError(error) && error.details).toEqual({ dataset: 'idn-area-data', reason: 'ENOENT' })
    expect(isKerjasamaError(error) && error.localized.id).toContain('tidak dapat dibaca')
  })
})
