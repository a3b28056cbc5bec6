import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/errors'
import { bundledRegions, checkedRegionDirectory, createRegionDirectory, isRegionDirectory, jawaTengahRegions } from '../../src/reference'
import type { RegionDirectory, RegionListInput } from '../../src/reference'

// A small national-style list: two whole provinces, nothing else.
const twoProvinces: RegionListInput = {
  source: 'test: Jawa Barat and Jawa Tengah',
  complete: true,
  regions: [
    { code: '32', name: 'Provinsi Jawa Barat' },
    { code: '32.04', name: 'Kabupaten Bandung' },
    { code: '32.73', name: 'Kota Bandung' },
    { code: '33', name: 'Provinsi Jawa Tengah' },
    { code: '33.05', name: 'Kabupaten Kebumen' },
  ],
}

function issuesOf(input: unknown): string[] {
  try {
    createRegionDirectory(input as RegionListInput)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`)
  }
  throw new Error('expected the list to be refused')
}

describe('createRegionDirectory', () => {
  it('names every listed region, levelled by the national numbering', () => {
    const directory = createRegionDirectory(twoProvinces)
    expect(directory.describe('32.04')).toEqual({ code: '32.04', name: 'Kabupaten Bandung', level: 'kabupaten', provinceCode: '32', bpsCode: '3204', listed: true })
    expect(directory.describe('32.73')?.level).toBe('kota')
    expect(directory.describe('33')).toMatchObject({ name: 'Provinsi Jawa Tengah', level: 'provinsi', provinceCode: '33' })
    expect(directory.regionsOf('32').map((region) => region.code)).toEqual(['32.04', '32.73'])
    expect(directory.regions.map((region) => region.code)).toEqual(['32', '32.04', '32.73', '33', '33.05'])
  })

  it('a complete directory refuses a well-formed code it does not list (33.70, 33.30, 99.99, 35)', () => {
    const directory = createRegionDirectory(twoProvinces)
    for (const code of ['33.70', '33.30', '99.99', '99', '35', '35.01', '32.05']) expect(directory.describe(code)).toBeUndefined()
  })

  it('an incomplete directory knows its listed provinces whole and falls back to the pattern elsewhere', () => {
    const directory = createRegionDirectory({ ...twoProvinces, complete: false })
    expect(directory.describe('32.05')).toBeUndefined()
    expect(directory.describe('35.01')).toEqual({ code: '35.01', name: undefined, level: 'kabupaten', provinceCode: '35', bpsCode: '3501', listed: false })
    expect(directory.describe('99.99')?.level).toBe('kota')
    expect(directory.describe('99.70')).toBeUndefined()
  })

  it('for all codes, a complete directory answers exactly the listed ones', () => {
    const directory = createRegionDirectory(twoProvinces)
    const listed = new Set(twoProvinces.regions.map((region) => region.code))
    const code = fc.oneof(
      fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([p, l]) => `${String(p).padStart(2, '0')}.${String(l).padStart(2, '0')}`),
      fc.constantFrom(...listed),
      fc.string(),
    )
    fc.assert(
      fc.property(code, (candidate) => {
        expect(directory.describe(candidate) !== undefined).toBe(listed.has(candidate))
      }),
    )
  })

  it('refuses a list it could not answer truthfully: duplicate, impossible code, orphan kab/kota, empty name', () => {
    expect(issuesOf({ ...twoProvinces, regions: [...twoProvinces.regions, { code: '33.05', name: 'Kabupaten Kebumen' }] }).join()).toContain('33.05 is listed more than once')
    expect(issuesOf({ ...twoProvinces, regions: [...twoProvinces.regions, { code: '33.70', name: 'Kota Tidak Ada' }] }).join()).toContain('33.70 is not a region code')
    expect(issuesOf({ ...twoProvinces, regions: [...twoProvinces.regions, { code: '35.01', name: 'Kabupaten Pacitan' }] }).join()).toContain('province 35 of 35.01 is not listed')
    expect(issuesOf({ ...twoProvinces, regions: [{ code: '33', name: '  ' }] })).toHaveLength(1)
    expect(issuesOf({ ...twoProvinces, regions: [] })).toHaveLength(1)
    expect(issuesOf({ ...twoProvinces, complete: 'yes' })).toHaveLength(1)
    expect(issuesOf(null)).toHaveLength(1)
  })

  it('the bundled default is the Jawa Tengah table, incomplete, and is a directory like any other', () => {
    expect(isRegionDirectory(jawaTengahRegions)).toBe(true)
    expect(jawaTengahRegions.complete).toBe(false)
    expect(jawaTengahRegions.regions).toBe(bundledRegions)
    expect(isRegionDirectory({ describe: () => undefined })).toBe(false)
  })
})

describe('checkedRegionDirectory', () => {
  const handBuilt = (describe: (code: string) => unknown): RegionDirectory => ({ source: 'hand-built', complete: true, regions: [], regionsOf: () => [], describe: describe as RegionDirectory['describe'] })

  it('passes a well-formed answer through and refuses one of another code or shape', () => {
    const kebumen = createRegionDirectory(twoProvinces).describe('33.05')
    expect(checkedRegionDirectory(handBuilt(() => kebumen)).describe('33.05')).toEqual(kebumen)
    expect(checkedRegionDirectory(handBuilt(() => undefined)).describe('33.05')).toBeUndefined()
    expect(() => checkedRegionDirectory(handBuilt(() => kebumen)).describe('32.04')).toThrow(ValidationError)
    expect(() => checkedRegionDirectory(handBuilt(() => ({ ...kebumen, level: 'desa' }))).describe('33.05')).toThrow(ValidationError)
    expect(() => checkedRegionDirectory(handBuilt(() => 'Kebumen')).describe('33.05')).toThrow(ValidationError)
  })
})
