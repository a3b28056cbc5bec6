/**
 * Reading the dashboard's own markup in tests without a browser: its tables
 * are regular (no table inside a cell), so rows and cells can be cut out by
 * their tags and read as the text a person sees.
 */
export function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The body rows of the table with this id, each as its cells' text. */
export function tableRows(page: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page)?.[1]
  if (table === undefined) throw new Error(`no table #${id} on the page`)
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] as string).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] as string)))
}

/** The column headers of the table with this id. */
export function tableHeaders(page: string, id: string): string[] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page)?.[1] ?? ''
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? ''
  return [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((cell) => textOf(cell[1] as string))
}

/** Every href on the page, as the browser would request it (entities decoded). */
export function hrefsOf(page: string): string[] {
  return [...page.matchAll(/href="([^"]*)"/g)].map((match) => (match[1] as string).replace(/&amp;/g, '&'))
}
