import contentDisposition from 'content-disposition'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'

// The semester CSV's file name takes the `region` asked for, so any text can reach the header.
describe('Content-Disposition of a download (the content-disposition package, as the CSV route uses it)', () => {
  it('a name of letters, digits, dots and dashes goes as it is', () => {
    expect(contentDisposition('laporan-semester-2022-1-33.05.csv')).toBe('attachment; filename="laporan-semester-2022-1-33.05.csv"')
  })

  // The route puts no slash in a name (it would make it a path, of which the package keeps the last part).
  it('for any region in the name, the header is one valid line that parses back to the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).map((region) => `laporan-semester-2022-1-${region.replace(/[\\/]/g, '_')}.csv`), (name) => {
        const value = contentDisposition(name)
        // Headers throws on CR, LF, NUL and anything past Latin-1: the 500 a hand-made header gave.
        expect(new Headers({ 'content-disposition': value }).get('content-disposition')).toBe(value)
        expect(contentDisposition.parse(value)).toEqual({ type: 'attachment', parameters: { filename: name } })
      }),
    )
  })
})
