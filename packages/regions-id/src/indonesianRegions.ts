import { ValidationError, createRegionDirectory, parseOrThrow } from '@kerjasama/core'
import type { RegionDirectory } from '@kerjasama/core'
import { z } from 'zod'
import { IDN_AREA_DATA, readIdnAreaData } from './idnAreaDataset'
import type { IdnAreaDataset } from './idnAreaDataset'

const DATASET = { id: `data wilayah ${IDN_AREA_DATA}`, en: `${IDN_AREA_DATA} region data` }

const name = z.string().trim().min(1).max(200)
const provinceRows = z.array(z.object({ code: z.string().regex(/^\d{2}$/), name })).min(1)
const regencyRows = z.array(z.object({ code: z.string().regex(/^\d{2}\.\d{2}$/), provinceCode: z.string().regex(/^\d{2}$/), name })).min(1)

// The dataset names a province "Jawa Tengah"; the library says "Provinsi Jawa
// Tengah", as the bundled table and an official letterhead do.
const provinceName = (raw: string) => (/^provinsi\s/i.test(raw) ? raw : `Provinsi ${raw}`)

/**
 * The national directory from the dataset's rows: complete, so a code it does
 * not list is no region. A row whose province code disagrees with its own
 * code is refused rather than guessed at.
 */
export function indonesianRegionDirectory(dataset: IdnAreaDataset): RegionDirectory {
  const provinces = parseOrThrow(provinceRows, dataset.provinces, DATASET)
  const regencies = parseOrThrow(regencyRows, dataset.regencies, DATASET)
  const misfiled = regencies.filter((regency) => regency.code.slice(0, 2) !== regency.provinceCode)
  if (misfiled.length > 0) {
    throw new ValidationError(
      DATASET,
      misfiled.map((regency) => ({ path: 'regencies', message: `${regency.code} is filed under province ${regency.provinceCode}`, messageId: `${regency.code} tercatat di bawah provinsi ${regency.provinceCode}` })),
    )
  }
  return createRegionDirectory({
    source: `${IDN_AREA_DATA} ${dataset.version}`,
    complete: true,
    regions: [...provinces.map((province) => ({ code: province.code, name: provinceName(province.name) })), ...regencies.map(({ code, name }) => ({ code, name }))],
  })
}

/**
 * A loader that reads the dataset once: every caller (and concurrent callers)
 * share one directory. A failed read is not remembered, so a start-up that is
 * retried after the install is repaired can succeed.
 */
export function createIndonesianRegionsLoader(read: () => Promise<IdnAreaDataset> = readIdnAreaData): () => Promise<RegionDirectory> {
  let loading: Promise<RegionDirectory> | undefined
  return () => {
    loading ??= read()
      .then(indonesianRegionDirectory)
      .catch((error: unknown) => {
        loading = undefined
        throw error
      })
    return loading
  }
}

/** Every province and kabupaten/kota of Indonesia, read once per process from idn-area-data. */
export const loadIndonesianRegions: () => Promise<RegionDirectory> = createIndonesianRegionsLoader()
