import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { absoluteAffairs, findAbsoluteAffair, findUrusan, isAbsoluteAffair, isMappableAffair, supportingUnits, urusanCatalogue, urusanOfClass } from '../../src/reference'

describe('urusan catalogue', () => {
  it('holds the 32 urusan of UU 23/2014: 6 wajib pelayanan dasar, 18 wajib non-pelayanan dasar, 8 pilihan', () => {
    expect(urusanCatalogue).toHaveLength(32)
    expect(urusanOfClass('wajib-pelayanan-dasar')).toHaveLength(6)
    expect(urusanOfClass('wajib-non-pelayanan-dasar')).toHaveLength(18)
    expect(urusanOfClass('pilihan')).toHaveLength(8)
    expect(new Set(urusanCatalogue.map((u) => u.code)).size).toBe(32)
  })

  it('codes follow the class: 1.xx pelayanan dasar, 2.xx non-pelayanan dasar, 3.xx pilihan, numbered 01–32', () => {
    urusanCatalogue.forEach((u, index) => {
      expect(Number(u.code.split('.')[1])).toBe(index + 1)
      expect(u.code[0]).toBe({ 'wajib-pelayanan-dasar': '1', 'wajib-non-pelayanan-dasar': '2', pilihan: '3' }[u.class])
    })
  })

  it('finds urusan and supporting units by code; supporting units are mappable but not urusan', () => {
    expect(findUrusan('2.17')).toMatchObject({ kind: 'urusan', name: 'koperasi, usaha kecil, dan menengah', class: 'wajib-non-pelayanan-dasar' })
    expect(findUrusan('3.31')?.name).toBe('perindustrian')
    expect(findUrusan('4.02')).toEqual({ code: '4.02', name: 'Sekretariat DPRD', kind: 'supporting-unit' })
    for (const unit of supportingUnits) {
      expect(isMappableAffair(unit.code)).toBe(true)
      expect(findUrusan(unit.code)?.kind).toBe('supporting-unit')
    }
    expect(findUrusan('9.99')).toBeUndefined()
  })

  it('knows the six absolute affairs by pseudo-code, key and name, and none of them is mappable', () => {
    expect(absoluteAffairs).toHaveLength(6)
    for (const affair of absoluteAffairs) {
      for (const name of [affair.code, affair.key, affair.name, affair.name.toUpperCase()]) expect(isAbsoluteAffair(name)).toBe(true)
      expect(isMappableAffair(affair.code)).toBe(false)
    }
    expect(findAbsoluteAffair('Politik Luar Negeri')?.key).toBe('politik-luar-negeri')
    expect(isAbsoluteAffair('2.17')).toBe(false)
  })

  it('for any string, at most one of: urusan, supporting unit, absolute affair', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...urusanCatalogue.map((u) => u.code), ...absoluteAffairs.map((a) => a.key))), (value) => {
        const kinds = [findUrusan(value)?.kind === 'urusan', findUrusan(value)?.kind === 'supporting-unit', isAbsoluteAffair(value)]
        expect(kinds.filter(Boolean).length).toBeLessThanOrEqual(1)
      }),
    )
  })
})
