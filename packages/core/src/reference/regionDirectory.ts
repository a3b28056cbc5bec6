import { z } from 'zod'
import { ValidationError } from '../errors'
import { localizedIssue, parseOrThrow } from '../validation'

/**
 * A region directory answers "which region is this Kemendagri code?" for the
 * guards. The core holds no I/O: a directory is built from a list the caller
 * already has (the bundled Jawa Tengah table, or the national list that
 * @kerjasama/regions-id loads from a dataset package at start-up).
 */
export type RegionLevel = 'provinsi' | 'kabupaten' | 'kota'

export type Region = {
  code: string
  /** Undefined for a well-formed code outside an incomplete directory (the pattern rule). */
  name: string | undefined
  level: RegionLevel
  /** The province's code; for a province, its own code. */
  provinceCode: string
  bpsCode: string
  /** True when the directory lists this code by name; false when only the pattern rule accepted it. */
  listed: boolean
}

export type RegionDirectory = {
  /** Where the list comes from, said in docs and diagnostics (e.g. "idn-area-data 4.0.1"). */
  readonly source: string
  /**
   * True when the list names every province and kabupaten/kota of Indonesia:
   * a code it does not list is no region. False: a province it lists is still
   * known completely, but a well-formed code of a province it does not list
   * is a region of unknown name (the pattern rule).
   */
  readonly complete: boolean
  /** Every listed region, provinces first, each followed by its kabupaten and kota in code order. */
  readonly regions: readonly Region[]
  describe(code: string): Region | undefined
  /** The listed kabupaten/kota of a province; empty for a province the directory does not list. */
  regionsOf(provinceCode: string): readonly Region[]
}

const REGION_CODE = /^(\d{2})(?:\.(\d{2}))?$/

/**
 * The national numbering: NN is a province (not 00); NN.01–NN.69 are
 * kabupaten and NN.71–NN.99 kota; NN.00 and NN.70 are no region.
 */
function regionOfCode(code: string): Omit<Region, 'name' | 'listed'> | undefined {
  const match = REGION_CODE.exec(code)
  if (match === null) return undefined
  const province = match[1]!
  const local = match[2]
  if (province === '00') return undefined
  if (local === undefined) return { code, level: 'provinsi', provinceCode: province, bpsCode: province }
  const number = Number(local)
  if (number === 0 || number === 70) return undefined
  return { code, level: number < 70 ? 'kabupaten' : 'kota', provinceCode: province, bpsCode: `${province}${local}` }
}

const LIST = { id: 'daftar wilayah', en: 'region list' }

const regionListSchema = z.object({
  source: z.string().trim().min(1).max(200),
  complete: z.boolean(),
  regions: z
    .array(
      z.object({
        code: z.string().regex(REGION_CODE),
        name: z.string().trim().min(1).max(200),
      }),
    )
    .min(1),
})

export type RegionListInput = {
  source: string
  complete: boolean
  /** Provinces and kabupaten/kota by code; the level follows the code's number. */
  regions: ReadonlyArray<{ code: string; name: string }>
}

/**
 * Builds a directory from a list of codes and names. The list is checked
 * whole before anything is answered: a duplicate code, a code the national
 * numbering does not allow, or a kabupaten/kota whose province is missing
 * would otherwise make the guards accept or refuse the wrong region.
 */
export function createRegionDirectory(input: RegionListInput): RegionDirectory {
  const list = parseOrThrow(regionListSchema, input, LIST)
  const byCode = new Map<string, Region>()
  const issues = []
  for (const [index, entry] of list.regions.entries()) {
    const shape = regionOfCode(entry.code)
    if (shape === undefined) {
      issues.push(localizedIssue(`regions.${index}.code`, { id: `${entry.code} bukan kode wilayah menurut penomoran Kemendagri`, en: `${entry.code} is not a region code under the Kemendagri numbering` }))
    } else if (byCode.has(entry.code)) {
      issues.push(localizedIssue(`regions.${index}.code`, { id: `kode ${entry.code} tercantum lebih dari sekali`, en: `code ${entry.code} is listed more than once` }))
    } else {
      byCode.set(entry.code, Object.freeze({ ...shape, name: entry.name, listed: true }))
    }
  }
  for (const region of byCode.values()) {
    if (region.level !== 'provinsi' && !byCode.has(region.provinceCode)) {
      issues.push(localizedIssue('regions', { id: `provinsi ${region.provinceCode} dari ${region.code} tidak tercantum`, en: `province ${region.provinceCode} of ${region.code} is not listed` }))
    }
  }
  if (issues.length > 0) throw new ValidationError(LIST, issues)

  const sorted = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
  const provinces = sorted.filter((region) => region.level === 'provinsi')
  const localsOf = new Map(provinces.map((province) => [province.code, Object.freeze(sorted.filter((region) => region.level !== 'provinsi' && region.provinceCode === province.code))]))
  const regions = Object.freeze(provinces.flatMap((province) => [province, ...localsOf.get(province.code)!]))

  function describe(code: string): Region | undefined {
    if (typeof code !== 'string') return undefined
    const listed = byCode.get(code)
    if (listed !== undefined) return listed
    const shape = regionOfCode(code)
    // A listed province comes with all its kabupaten/kota, so an unlisted code
    // inside it is no region even in an incomplete directory.
    if (shape === undefined || list.complete || byCode.has(shape.provinceCode)) return undefined
    return { ...shape, name: undefined, listed: false }
  }

  return Object.freeze({
    source: list.source,
    complete: list.complete,
    regions,
    describe,
    regionsOf: (provinceCode: string) => localsOf.get(provinceCode) ?? Object.freeze([]),
  })
}

/** What the service checks before using a caller's directory; the guards then check each answer it gives. */
export function isRegionDirectory(value: unknown): value is RegionDirectory {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return typeof candidate.describe === 'function' && typeof candidate.regionsOf === 'function' && typeof candidate.complete === 'boolean' && typeof candidate.source === 'string' && Array.isArray(candidate.regions)
}

const regionAnswerSchema = z.object({
  code: z.string(),
  name: z.string().min(1).max(200).optional(),
  level: z.enum(['provinsi', 'kabupaten', 'kota']),
  provinceCode: z.string().regex(/^\d{2}$/),
  bpsCode: z.string().regex(/^\d{2}(?:\d{2})?$/),
  listed: z.boolean(),
})

const ANSWER = { id: 'jawaban direktori wilayah', en: 'region directory answer' }

/**
 * A directory the caller built by hand is caller code: each answer is checked
 * before a guard relies on it, so a wrong level or a region of another code
 * surfaces as a coded error instead of a silently wrong decision.
 */
export function checkedRegionDirectory(directory: RegionDirectory): RegionDirectory {
  return Object.freeze({
    source: directory.source,
    complete: directory.complete,
    regions: directory.regions,
    regionsOf: (provinceCode: string) => directory.regionsOf(provinceCode),
    describe(code: string): Region | undefined {
      const answer: unknown = directory.describe(code)
      if (answer === undefined) return undefined
      const region = parseOrThrow(regionAnswerSchema, answer, ANSWER)
      if (region.code !== code) {
        throw new ValidationError(ANSWER, [localizedIssue('code', { id: `direktori menjawab kode ${code} dengan wilayah berkode lain`, en: `the directory answered code ${code} with a region of another code` })])
      }
      return Object.freeze({ code: region.code, name: region.name, level: region.level, provinceCode: region.provinceCode, bpsCode: region.bpsCode, listed: region.listed })
    },
  })
}
