/**
 * Markup that is already safe to send. Only this module and `raw()` make
 * one, so a page cannot put text into the document without passing it
 * through `html`, which escapes it.
 */
export class Html {
  readonly #markup: string
  constructor(markup: string, token: typeof MINT) {
    if (token !== MINT) throw new TypeError('Html is made by html`` or raw(), never by hand')
    this.#markup = markup
  }

  toString(): string {
    return this.#markup
  }
}

const MINT = Symbol('html')

/** What a template may interpolate: text (escaped), numbers, markup, lists of them, or nothing (false, null, undefined). */
export type Interpolation = Html | string | number | false | null | undefined | readonly Interpolation[]

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes the five characters that can end a text node or a quoted
 * attribute. Templates always quote attributes, so this is enough in both
 * places; a URL attribute still needs its scheme checked (safeHref).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] as string)
}

function render(value: Interpolation): string {
  if (value === false || value === null || value === undefined) return ''
  if (value instanceof Html) return value.toString()
  if (Array.isArray(value)) return value.map(render).join('')
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  // Anything else reaching here at run time (an object read from storage) is shown as text, never as markup.
  return escapeHtml(String(value))
}

/** The template tag: every interpolation is escaped unless it is Html (a nested template or raw()). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let markup = strings[0] as string
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] as string)
  })
  return new Html(markup, MINT)
}

/** Markup the caller vouches for: constant strings of this package only, never data. */
export function raw(markup: string): Html {
  return new Html(markup, MINT)
}

/** Joins items with a separator, each escaped as html`` would. */
export function join(items: readonly Interpolation[], separator: Interpolation): Html {
  return new Html(items.map(render).join(render(separator)), MINT)
}

/**
 * An href for a link to data (an evidence URL): only http(s) URLs become
 * links; anything else (javascript:, data:) would run or smuggle content.
 */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
