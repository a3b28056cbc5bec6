import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Html, escapeHtml, html, join, raw, safeHref } from '../../src/dashboard/html'

const decode = (markup: string): string =>
  markup.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] as string)

describe('the html template helper', () => {
  it('escapes any string in text and in a quoted attribute, and the text reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const markup = html`<p title="${text}">${text}</p>`.toString()
        const inner = markup.slice('<p title="'.length, -'</p>'.length)
        const [attribute, content] = [inner.slice(0, inner.indexOf('">')), inner.slice(inner.indexOf('">') + 2)]
        for (const part of [attribute, content]) {
          expect(part).not.toMatch(/[<>"']/)
          // Every ampersand left starts one of the five entities the helper writes.
          expect(part.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&')
          expect(decode(part)).toBe(text)
        }
      }),
    )
  })

  it('lets no markup through from any value that is not Html, whatever storage handed over', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: false }), (value) => {
        let markup: string
        try {
          markup = html`<td>${value as string}</td>`.toString()
        } catch {
          return // A value without a string form is refused, never written.
        }
        expect(markup.slice('<td>'.length, -'</td>'.length)).not.toMatch(/[<>"']/)
      }),
    )
    expect(html`<td>${{ toString: () => '<script>alert(1)</script>' } as unknown as string}</td>`.toString()).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>')
  })

  it('keeps nested templates and raw() markup, joins lists, and writes nothing for false, null and undefined', () => {
    const name = '<script>alert(1)</script>'
    expect(html`<ul>${['a<b', html`<li>${name}</li>`]}</ul>`.toString()).toBe('<ul>a&lt;b<li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>')
    expect(html`${raw('<hr>')}${false}${null}${undefined}${0}${Number.NaN}`.toString()).toBe('<hr>0')
    expect(join(['<a>', html`<b>`], html`<br>`).toString()).toBe('&lt;a&gt;<br><b>')
  })

  it('cannot be handed markup any other way', () => {
    expect(() => new (Html as unknown as new (markup: string, token: symbol) => Html)('<script>', Symbol('html'))).toThrow(TypeError)
  })

  it('links only http and https URLs', () => {
    expect(safeHref('https://kebumenkab.go.id/berita-acara.pdf')).toBe('https://kebumenkab.go.id/berita-acara.pdf')
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined()
    expect(safeHref('not a url')).toBeUndefined()
  })
})
