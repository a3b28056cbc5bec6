import stringWidth from 'string-width'

export type Column = {
  header: string
  align?: 'left' | 'right'
  /**
   * Short values (codes, dates, numbers) that lose their meaning when cut: such
   * a column is narrowed only once every free-text column is down to
   * FREE_TEXT_FLOOR.
   */
  fixed?: boolean
}

const GAP = 2
const FREE_TEXT_FLOOR = 8
const ELLIPSIS = '…'
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * A table as lines no wider than `width` display cells (undefined: as wide as
 * it needs). Free-text columns give way first, widest first; a cell that
 * does not fit ends in an ellipsis. Control characters in a cell (a newline
 * or an escape sequence in an agreement's object) become spaces, so a cell
 * can neither break a row nor drive the terminal.
 */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, width: number | undefined): string[] {
  const header = columns.map((column) => clean(column.header))
  const body = rows.map((row) => columns.map((_, index) => clean(row[index] ?? '')))
  const widths = columns.map((_, index) => Math.max(stringWidth(header[index] ?? ''), ...body.map((row) => stringWidth(row[index] ?? ''))))
  if (width !== undefined) {
    const available = width - GAP * Math.max(columns.length - 1, 0)
    narrow(widths, available, FREE_TEXT_FLOOR, (index) => columns[index]?.fixed !== true)
    narrow(widths, available, 1, () => true)
  }
  const line = (cells: readonly string[]): string => {
    const text = cells
      .map((cell, index) => fit(cell, widths[index] ?? 0, columns[index]?.align ?? 'left'))
      .join(' '.repeat(GAP))
      .trimEnd()
    // Only when even one cell per column does not fit.
    return width !== undefined && stringWidth(text) > width ? cut(text, width) : text
  }
  const rule = widths.map((columnWidth) => '─'.repeat(columnWidth))
  return [line(header), line(rule), ...body.map(line)]
}

/** Takes one cell at a time from the widest column allowed, until the columns fit or are all at `floor`. */
function narrow(widths: number[], available: number, floor: number, allowed: (index: number) => boolean): void {
  let total = widths.reduce((sum, columnWidth) => sum + columnWidth, 0)
  while (total > available) {
    let widest = -1
    for (const [index, columnWidth] of widths.entries()) if (allowed(index) && columnWidth > floor && (widest < 0 || columnWidth > (widths[widest] ?? 0))) widest = index
    if (widest < 0) return
    widths[widest] = (widths[widest] ?? 0) - 1
    total -= 1
  }
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
}

function fit(cell: string, columnWidth: number, align: 'left' | 'right'): string {
  const text = stringWidth(cell) > columnWidth ? cut(cell, columnWidth) : cell
  const padding = ' '.repeat(Math.max(columnWidth - stringWidth(text), 0))
  return align === 'right' ? padding + text : text + padding
}

/** The longest start of `text` that fits in `columnWidth - 1` cells, and an ellipsis. */
export function cut(text: string, columnWidth: number): string {
  if (columnWidth <= 0) return ''
  let kept = ''
  let used = 0
  for (const { segment } of segmenter.segment(text)) {
    const segmentWidth = stringWidth(segment)
    if (used + segmentWidth > columnWidth - 1) break
    kept += segment
    used += segmentWidth
  }
  return kept + ELLIPSIS
}

/** How wide tables may be: the terminal's width when output goes to one, else unlimited (a file or a pipe keeps every character). */
export function tableWidth(columns: number | undefined): number | undefined {
  return columns !== undefined && Number.isInteger(columns) && columns > 0 ? columns : undefined
}
