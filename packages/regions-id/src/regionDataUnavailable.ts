import { KerjasamaError } from '@kerjasama/core'

/**
 * The national region list could not be read from its dataset package
 * (missing or unreadable files). Start-up should stop here rather than run on
 * a list it does not have; retrying helps only once the install is repaired.
 */
export class RegionDataUnavailable extends KerjasamaError {
  constructor(dataset: string, cause: unknown) {
    const reason = typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string' ? (cause as { code: string }).code : 'unknown'
    super(
      'REGION_DATA_UNAVAILABLE',
      {
        id: `Daftar wilayah nasional dari paket ${dataset} tidak dapat dibaca; periksa instalasi paket tersebut`,
        en: `The national region list from the ${dataset} package could not be read; check that package's installation`,
      },
      { dataset, reason },
      { cause },
    )
  }
}
