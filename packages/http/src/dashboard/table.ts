import { html } from './html'
import type { Html, Interpolation } from './html'

export type Column<Row> = {
  header: Interpolation
  cell: (row: Row) => Interpolation
  /** Right-aligned, tabular figures. */
  numeric?: boolean
  /** The cell names its row: a <th scope="row">, so a screen reader announces it with every other cell. */
  rowHeader?: boolean
  /** A class for the column's header and cells. */
  className?: string
  /** A class for the cell (the matrix shades cells by count). */
  cellClass?: (row: Row) => string | undefined
}

export type TableInput<Row> = {
  /** Unique on the page: names the scrolling region after the caption. */
  id: string
  caption: Interpolation
  columns: ReadonlyArray<Column<Row>>
  rows: readonly Row[]
  /** Said in place of the rows when there are none. */
  empty: Interpolation
  /** A footer row (totals), in the same columns. */
  footer?: ReadonlyArray<Interpolation>
}

/**
 * The one table of the dashboard: a caption, column headers with scope, row
 * headers where a column names the row. A wide table scrolls inside a region
 * that keyboard users can focus, so no column is out of their reach.
 */
export function table<Row>(input: TableInput<Row>): Html {
  const captionId = `${input.id}-caption`
  const numericClass = (column: Column<Row>): string => (column.numeric === true ? 'numeric' : '')
  const classOf = (...names: Array<string | undefined>): Interpolation => {
    const present = names.filter((name) => name !== undefined && name !== '')
    return present.length === 0 ? '' : html` class="${present.join(' ')}"`
  }
  const body: Html =
    input.rows.length === 0
      ? html`<tr><td colspan="${input.columns.length}">${input.empty}</td></tr>`
      : html`${input.rows.map(
          (row) =>
            html`<tr>${input.columns.map((column) =>
              column.rowHeader === true
                ? html`<th scope="row"${classOf(numericClass(column), column.className, column.cellClass?.(row))}>${column.cell(row)}</th>`
                : html`<td${classOf(numericClass(column), column.className, column.cellClass?.(row))}>${column.cell(row)}</td>`,
            )}</tr>
`,
        )}`
  const footer =
    input.footer === undefined || input.rows.length === 0
      ? ''
      : html`<tfoot><tr>${input.footer.map((cell, index) => {
          const column = input.columns[index]
          return index === 0 ? html`<th scope="row">${cell}</th>` : html`<td${classOf(column === undefined ? undefined : numericClass(column), column?.className)}>${cell}</td>`
        })}</tr></tfoot>`
  // A table too wide for the screen scrolls inside its box. Keyboard users reach hidden columns through the links in it;
  // a table with nothing to focus is made a focusable, named region instead, and only then, so other tables add no tab stop.
  const focusableInside = /<(a|button|input|select)\s/.test(body.toString())
  return html`<div class="table-scroll"${focusableInside ? '' : html` role="region" aria-labelledby="${captionId}" tabindex="0"`}>
<table id="${input.id}">
<caption id="${captionId}">${input.caption}</caption>
<thead><tr>${input.columns.map((column) => html`<th scope="col"${classOf(numericClass(column), column.className)}>${column.header}</th>`)}</tr></thead>
<tbody>
${body}</tbody>
${footer}
</table>
</div>
`
}
