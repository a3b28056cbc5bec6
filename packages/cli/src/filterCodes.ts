import { isMappableAffair } from '@kerjasama/core'
import type { OptionValues } from './optionCatalogue'
import { stringValue } from './optionValues'
import { UsageError } from './usageError'

// The national numbering alone, not a directory: the CLI cannot know which region directory the app that wrote the store used.
const REGION_CODE = /^\d{2}(?:\.\d{2})?$/

/**
 * --region and --urusan filter by a code. A code no agreement can carry
 * (`3305` for 33.05, `2,17` for 2.17) would answer with an empty table that
 * reads as "nothing recorded", so it is a usage error naming the option.
 */
export function regionValue(values: OptionValues, command: string): string | undefined {
  const region = stringValue(values, 'region')
  if (region !== undefined && !REGION_CODE.test(region)) {
    throw new UsageError(
      { id: `Nilai --region harus kode wilayah Kemendagri NN atau NN.NN, mis. 33.05: ${region}`, en: `--region must be a Kemendagri region code, NN or NN.NN, e.g. 33.05: ${region}` },
      command,
    )
  }
  return region
}

/** Only the catalogue's urusan and supporting units can be mapped to an agreement (core's isMappableAffair), so only those can match. */
export function urusanValue(values: OptionValues, command: string): string | undefined {
  const urusan = stringValue(values, 'urusan')
  if (urusan !== undefined && !isMappableAffair(urusan)) {
    throw new UsageError(
      { id: `Nilai --urusan bukan kode urusan atau unit pendukung, mis. 2.17: ${urusan}`, en: `--urusan is not the code of an urusan or a supporting unit, e.g. 2.17: ${urusan}` },
      command,
    )
  }
  return urusan
}
