import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allowedWajibPairing } from '../../src/agreement'
import { bundledRegions, describeRegion, findRegion, isValidRegionCode, jawaTengah, regionCodeFromBps, regionsOf } from '../../src/reference'

describe('regions', () => {
  it('bundles Provinsi Jawa Tengah (33) and its 29 kabupaten and 6 kota', () => {
    expect(jawaTengah).toMatchObject({ code: '33', name: 'Provinsi Jawa Tengah', level: 'provinsi', bpsCode: '33' })
    const local = regionsOf('33')
    expect(local).toHaveLength(35)
    expect(local.filter((r) => r.level === 'kabupaten')).toHaveLength(29)
    expect(local.filter((r) => r.level === 'kota').map((r) => r.name)).toEqual(['Kota Magelang', 'Kota Surakarta', 'Kota Salatiga', 'Kota Semarang', 'Kota Pekalongan', 'Kota Tegal'])
    expect(bundledRegions).toHaveLength(36)
  })

  it('looks regions up by code; the BPS code is the code without the dot', () => {
    expect(findRegion('33.05')).toMatchObject({ name: 'Kabupaten Kebumen', level: 'kabupaten', provinceCode: '33', bpsCode: '3305' })
    expect(findRegion('33.27')?.name).toBe('Kabupaten Pemalang')
    expect(findRegion('33.74')?.name).toBe('Kota Semarang')
    expect(regionCodeFromBps('3372')).toBe('33.72')
    for (const region of bundledRegions) expect(region.bpsCode).toBe(region.code.replace('.', ''))
  })

  it('accepts codes outside Jawa Tengah as valid regions of unknown name, levelled by the national numbering', () => {
    expect(findRegion('32.05')).toBeUndefined()
    expect(describeRegion('32.05')).toMatchObject({ name: undefined, level: 'kabupaten', provinceCode: '32', listed: false })
    expect(describeRegion('32.73')?.level).toBe('kota')
    expect(describeRegion('35')?.level).toBe('provinsi')
    for (const bad of ['3', '333', '33.7', '33.70', '33.00', '00', '33-05', 'kebumen', '']) expect(isValidRegionCode(bad)).toBe(false)
    expect(regionsOf('32')).toEqual([])
  })

  it('knows Jawa Tengah whole: a 33.NN code outside the table is no region, even by pattern', () => {
    for (const notListed of ['33.30', '33.69', '33.77', '33.99']) expect(describeRegion(notListed)).toBeUndefined()
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (local) => {
        const code = `33.${String(local).padStart(2, '0')}`
        expect(describeRegion(code) !== undefined).toBe(bundledRegions.some((region) => region.code === code))
      }),
    )
  })

  it('for all valid codes outside Jawa Tengah, the province of a kab/kota is its first two digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 99 }).filter((n) => n !== 33), fc.integer({ min: 1, max: 99 }).filter((n) => n !== 70), (province, local) => {
        const code = `${province}.${String(local).padStart(2, '0')}`
        const region = describeRegion(code)!
        expect(region.provinceCode).toBe(String(province))
        expect(region.level).toBe(local < 70 ? 'kabupaten' : 'kota')
      }),
    )
  })

  it('allows exactly the four pairings for kerja sama wajib', () => {
    const r = (code: string) => describeRegion(code)!
    expect(allowedWajibPairing(r('33.05'), r('33.06'))).toBe(true) // kab/kota–kab/kota, same province
    expect(allowedWajibPairing(r('33.29'), r('32.09'))).toBe(true) // kab/kota–kab/kota across provinces
    expect(allowedWajibPairing(r('33'), r('32'))).toBe(true) // province–province
    expect(allowedWajibPairing(r('33.05'), r('33'))).toBe(true) // kab/kota–its own province
    expect(allowedWajibPairing(r('33'), r('33.74'))).toBe(true)
    expect(allowedWajibPairing(r('33.05'), r('32'))).toBe(false) // kab/kota–another province
    expect(allowedWajibPairing(r('32'), r('33.05'))).toBe(false)
  })
})
