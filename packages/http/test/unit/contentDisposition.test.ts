import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { attachmentDisposition } from '../../src/contentDisposition'

describe('Content-Disposition of a download', () => {
  it('a name of letters, digits, dots and dashes goes as it is', () => {
    expect(attachmentDisposition('laporan-semester-2022-1-33.05.csv')).toBe('attachment; filename="laporan-semester-2022-1-33.05.csv"')
  })

  it('for any name, the header is one valid line whose filename* decodes back to the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const value = attachmentDisposition(name)
        // Headers throws on CR, LF, NUL and anything past Latin-1: the 500 this guards against.
        expect(new Headers({ 'content-disposition': value }).get('content-disposition')).toBe(value)
        expect(value).toMatch(/^attachment; filename="[\w.-]*"(?:; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*)?$/)
        const extended = /filename\*=UTF-8''(.*)$/.exec(value)?.[1]
        expect(extended === undefined ? /filename="(.*)"/.exec(value)?.[1] : decodeURIComponent(extended)).toBe(name)
      }),
    )
  })
})
