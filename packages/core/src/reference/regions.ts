import { createRegionDirectory } from './regionDirectory'
import type { Region, RegionDirectory } from './regionDirectory'

export type { Region, RegionDirectory, RegionLevel, RegionListInput } from './regionDirectory'
export { checkedRegionDirectory, createRegionDirectory, isRegionDirectory } from './regionDirectory'

/**
 * Region codes (kode wilayah, Kemendagri; equal to the BPS code without the
 * dot). The core bundles only Provinsi Jawa Tengah and its 35 kabupaten/kota,
 * as the default directory; the national list is a dataset under the ODbL,
 * so it stays a dependency of @kerjasama/regions-id, loaded at start-up and
 * passed in through the service's `regions` option (docs/regions.md).
 *
 * With the default directory alone, a code of another province follows the
 * pattern rule: NN (a province) or NN.NN (NN.01–NN.69 kabupaten, NN.71–NN.99
 * kota) is a region of unknown name. A Jawa Tengah code outside the table is
 * no region, because the table lists the whole province.
 */
const JAWA_TENGAH = '33'

const kabupaten: ReadonlyArray<[string, string]> = [
  ['01', 'Cilacap'], ['02', 'Banyumas'], ['03', 'Purbalingga'], ['04', 'Banjarnegara'], ['05', 'Kebumen'],
  ['06', 'Purworejo'], ['07', 'Wonosobo'], ['08', 'Magelang'], ['09', 'Boyolali'], ['10', 'Klaten'],
  ['11', 'Sukoharjo'], ['12', 'Wonogiri'], ['13', 'Karanganyar'], ['14', 'Sragen'], ['15', 'Grobogan'],
  ['16', 'Blora'], ['17', 'Rembang'], ['18', 'Pati'], ['19', 'Kudus'], ['20', 'Jepara'],
  ['21', 'Demak'], ['22', 'Semarang'], ['23', 'Temanggung'], ['24', 'Kendal'], ['25', 'Batang'],
  ['26', 'Pekalongan'], ['27', 'Pemalang'], ['28', 'Tegal'], ['29', 'Brebes'],
]

const kota: ReadonlyArray<[string, string]> = [
  ['71', 'Magelang'], ['72', 'Surakarta'], ['73', 'Salatiga'], ['74', 'Semarang'], ['75', 'Pekalongan'], ['76', 'Tegal'],
]

/** The default directory: Jawa Tengah by name, other provinces by the pattern rule. */
export const jawaTengahRegions: RegionDirectory = createRegionDirectory({
  source: 'bundled: Provinsi Jawa Tengah (domain.md)',
  complete: false,
  regions: [
    { code: JAWA_TENGAH, name: 'Provinsi Jawa Tengah' },
    ...kabupaten.map(([suffix, name]) => ({ code: `${JAWA_TENGAH}.${suffix}`, name: `Kabupaten ${name}` })),
    ...kota.map(([suffix, name]) => ({ code: `${JAWA_TENGAH}.${suffix}`, name: `Kota ${name}` })),
  ],
})

export const jawaTengah: Region = jawaTengahRegions.describe(JAWA_TENGAH)!

export const bundledRegions: readonly Region[] = jawaTengahRegions.regions

/** True for a code the default directory accepts: listed, or well-formed in a province it does not list. */
export function isValidRegionCode(code: string): boolean {
  return describeRegion(code) !== undefined
}

/** A bundled region by code, or undefined. */
export function findRegion(code: string): Region | undefined {
  const region = jawaTengahRegions.describe(code)
  return region?.listed === true ? region : undefined
}

/** A region of the default directory (name undefined when only the pattern rule accepts it); undefined when it is no region. */
export function describeRegion(code: string): Region | undefined {
  return jawaTengahRegions.describe(code)
}

/** The bundled kabupaten/kota of a province (empty for provinces not bundled). */
export function regionsOf(provinceCode: string): readonly Region[] {
  return jawaTengahRegions.regionsOf(provinceCode)
}

/** "33.05" ↔ "3305". */
export function regionCodeFromBps(bpsCode: string, directory: RegionDirectory = jawaTengahRegions): string | undefined {
  const code = bpsCode.length === 4 ? `${bpsCode.slice(0, 2)}.${bpsCode.slice(2)}` : bpsCode
  return directory.describe(code) === undefined ? undefined : code
}
