import { createRequire } from 'node:module'
import { getProvinces, getRegencies } from 'idn-area-data'
import { RegionDataUnavailable } from './regionDataUnavailable'

export const IDN_AREA_DATA = 'idn-area-data'

/** What the dataset package hands over, unchecked: its rows are validated when the directory is built. */
export type IdnAreaDataset = {
  version: string
  provinces: unknown
  regencies: unknown
}

/**
 * Reads provinces and kabupaten/kota through the dataset package's own API,
 * so its files stay its own (ODbL data is loaded, never copied into this
 * repository). Districts and villages are not read: no guard needs them.
 */
export async function readIdnAreaData(): Promise<IdnAreaDataset> {
  try {
    const version = (createRequire(import.meta.url)(`${IDN_AREA_DATA}/package.json`) as { version?: unknown }).version
    const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies({ transform: true })])
    return { version: typeof version === 'string' ? version : 'unknown', provinces, regencies }
  } catch (error) {
    throw new RegionDataUnavailable(IDN_AREA_DATA, error)
  }
}
