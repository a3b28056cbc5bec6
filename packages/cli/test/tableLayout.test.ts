import fc from 'fast-check'
import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { renderTable } from '../src'
import type { Column } from '../src'

const columns: Column[] = [{ header: 'kode', fixed: true }, { header: 'objek' }, { header: 'jumlah', fixed: true, align: 'right' }]
const rows = [
  ['33.05', 'Pengembangan sentra gula merah (gula kelapa) Kebumen', '12'],
  ['33.06', 'Promosi pariwisata bersama', '3'],
]

describe('renderTable', () => {
  it('without a width keeps every character, columns two spaces apart, numbers to the right', () => {
    expect(renderTable(columns, rows, undefined)).toEqual([
      'kode   objek                                                 jumlah',
      '─────  ────────────────────────────────────────────────────  ──────',
      '33.05  Pengembangan sentra gula merah (gula kelapa) Kebumen      12',
      '33.06  Promosi pariwisata bersama                                 3',
    ])
  })

  it('narrows the free-text column first, cutting long cells with an ellipsis; codes and numbers stay whole', () => {
    expect(renderTable(columns, rows, 40)).toEqual([
      'kode   objek                      jumlah',
      '─────  ─────────────────────────  ──────',
      '33.05  Pengembangan sentra gula…      12',
      '33.06  Promosi pariwisata bersa…       3',
    ])
  })

  it('a newline or an escape sequence in a cell becomes a space: it can neither break the row nor reach the terminal', () => {
    const [, , row] = renderTable([{ header: 'objek' }], [['baris satu\nbaris dua\u001b[31m merah']], undefined)
    expect(row).toBe('baris satu baris dua [31m merah')
  })

  it('wide characters count as two cells and are never cut in half', () => {
    const lines = renderTable([{ header: 'nama' }], [['日本語のパートナー']], 7)
    expect(lines[2]).toBe('日本語…')
    expect(stringWidth(lines[2] ?? '')).toBeLessThanOrEqual(7)
  })

  it('for any cells and any width, every line fits in the width and there is one line per row plus two', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ header: fc.string({ maxLength: 12 }), fixed: fc.boolean(), align: fc.constantFrom<'left' | 'right'>('left', 'right') }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 6 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 160 }),
        (generated, cells, width) => {
          const lines = renderTable(generated, cells, width)
          expect(lines).toHaveLength(cells.length + 2)
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width)
        },
      ),
    )
  })

  it('for any cells, a table that fits is not cut at all', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ minLength: 1, maxLength: 20 }).filter((text) => !/[\u0000-\u001f\u007f-\u009f…]/.test(text) && text.trim() === text), { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (cells) => {
        const lines = renderTable([{ header: 'a' }, { header: 'b' }], cells, 200)
        for (const [index, row] of cells.entries()) expect(lines[index + 2]).toContain(row[1])
        expect(lines.join('')).not.toContain('…')
      }),
    )
  })
})
