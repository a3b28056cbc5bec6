import { describe, expect, it } from 'vitest'
import { jawaTengahRegions } from '@kerjasama/core'
import { loadIndonesianRegions } from '../src'

const national = await loadIndonesianRegions()

describe('loadIndonesianRegions (idn-area-data)', () => {
  it('refuses a code that is no region: 33.70, 33.30, 99.99, 99 and 00.01', () => {
    for (const code of ['33.70', '33.30', '33.00', '99.99', '99', '00.01', '32.99', '3305', '']) expect(national.describe(code)).toBeUndefined()
    expect(national.complete).toBe(true)
  })

  it('knows regions outside Jawa Tengah by name: 32.04 Kabupaten Bandung, 32.73 Kota Bandung, 96.71 Kota Sorong', () => {
    expect(national.describe('32.04')).toEqual({ code: '32.04', name: 'Kabupaten Bandung', level: 'kabupaten', provinceCode: '32', bpsCode: '3204', listed: true })
    expect(national.describe('32.73')).toMatchObject({ name: 'Kota Bandung', level: 'kota' })
    expect(national.describe('32')?.name).toBe('Provinsi Jawa Barat')
    expect(national.describe('96.71')).toMatchObject({ name: 'Kota Sorong', provinceCode: '96' })
    expect(national.describe('33.05')).toMatchObject({ name: 'Kabupaten Kebumen', level: 'kabupaten', provinceCode: '33', bpsCode: '3305' })
  })

  it('holds the 38 provinces, 416 kabupaten and 98 kota of the Kemendagri code list, each named by its level', () => {
    const provinces = national.regions.filter((region) => region.level === 'provinsi')
    expect(provinces).toHaveLength(38)
    expect(national.regions.filter((region) => region.level === 'kabupaten')).toHaveLength(416)
    expect(national.regions.filter((region) => region.level === 'kota')).toHaveLength(98)
    for (const province of provinces) expect(province.name).toMatch(/^Provinsi \S/)
    // The level comes from the code's number; the dataset's own name must say the same.
    for (const region of national.regions.filter((r) => r.level === 'kabupaten')) expect(region.name).toMatch(/^Kabupaten /)
    for (const region of national.regions.filter((r) => r.level === 'kota')) expect(region.name).toMatch(/^Kota /)
    for (const region of national.regions) expect(region.listed).toBe(true)
  })

  it('names Jawa Tengah exactly as the table bundled in the core does', () => {
    const strip = (regions: typeof national.regions) => regions.map(({ code, name, level, provinceCode, bpsCode }) => ({ code, name, level, provinceCode, bpsCode }))
    expect(strip([national.describe('33')!, ...national.regionsOf('33')])).toEqual(strip(jawaTengahRegions.regions))
  })

  it('with the bundled table alone the pattern rule stays for other provinces', () => {
    expect(jawaTengahRegions.describe('99.99')).toMatchObject({ name: undefined, level: 'kota', listed: false })
    expect(jawaTengahRegions.describe('32.04')).toMatchObject({ name: undefined, listed: false })
    expect(national.describe('99.99')).toBeUndefined()
  })

  it('is read once per process: every call returns the same directory', async () => {
    expect(await loadIndonesianRegions()).toBe(national)
  })
})
