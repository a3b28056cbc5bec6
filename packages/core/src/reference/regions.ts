/**
 * Region codes (kode wilayah, Kemendagri; equal to the BPS code without the
 * dot). Only Provinsi Jawa Tengah and its 35 kabupaten/kota are bundled.
 *
 * Decision for regions outside Jawa Tengah: any code of the form NN (a
 * province) or NN.NN (a kabupaten/kota) is a valid region code of unknown
 * name. Its level follows the national numbering convention: NN.01–NN.69 are
 * kabupaten, NN.71–NN.99 are kota. Codes NN.70 and NN.00 are not regions.
 * This lets a Jawa Tengah region cooperate with, say, a Jawa Barat kabupaten
 * without the library shipping every province's list.
 */
export type RegionLevel = 'provinsi' | 'kabupaten' | 'kota'

export type Region = {
  code: string
  /** Undefined for a valid code whose data is not bundled. */
  name: string | undefined
  level: RegionLevel
  /** The province's code; for a province, its own code. */
  provinceCode: string
  bpsCode: string
  bundled: boolean
}

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

function bundled(code: string, name: string, level: RegionLevel): Region {
  return Object.freeze({ code, name, level, provinceCode: JAWA_TENGAH, bpsCode: code.replace('.', ''), bundled: true })
}

export const jawaTengah: Region = bundled(JAWA_TENGAH, 'Provinsi Jawa Tengah', 'provinsi')

export const bundledRegions: readonly Region[] = Object.freeze([
  jawaTengah,
  ...kabupaten.map(([suffix, name]) => bundled(`${JAWA_TENGAH}.${suffix}`, `Kabupaten ${name}`, 'kabupaten')),
  ...kota.map(([suffix, name]) => bundled(`${JAWA_TENGAH}.${suffix}`, `Kota ${name}`, 'kota')),
])

const byCode = new Map(bundledRegions.map((region) => [region.code, region]))

const REGION_CODE = /^(\d{2})(?:\.(\d{2}))?$/

/** True for NN (province, not 00) or NN.NN (kabupaten 01–69, kota 71–99). */
export function isValidRegionCode(code: string): boolean {
  return describeRegion(code) !== undefined
}

/** A bundled region by code, or undefined. */
export function findRegion(code: string): Region | undefined {
  return byCode.get(code)
}

/** Any valid region code, bundled or not (name undefined when not bundled); undefined when the code is malformed. */
export function describeRegion(code: string): Region | undefined {
  const found = byCode.get(code)
  if (found !== undefined) return found
  const match = REGION_CODE.exec(code)
  if (match === null) return undefined
  const province = match[1]!
  const local = match[2]
  if (province === '00') return undefined
  if (local === undefined) return { code, name: undefined, level: 'provinsi', provinceCode: province, bpsCode: province, bundled: false }
  const number = Number(local)
  if (number === 0 || number === 70) return undefined
  const level: RegionLevel = number < 70 ? 'kabupaten' : 'kota'
  return { code, name: undefined, level, provinceCode: province, bpsCode: `${province}${local}`, bundled: false }
}

/** The bundled kabupaten/kota of a province (empty for provinces not bundled). */
export function regionsOf(provinceCode: string): readonly Region[] {
  return bundledRegions.filter((region) => region.level !== 'provinsi' && region.provinceCode === provinceCode)
}

/** "33.05" ↔ "3305". */
export function regionCodeFromBps(bpsCode: string): string | undefined {
  const code = bpsCode.length === 4 ? `${bpsCode.slice(0, 2)}.${bpsCode.slice(2)}` : bpsCode
  return isValidRegionCode(code) ? code : undefined
}
