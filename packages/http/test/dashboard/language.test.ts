import { beforeAll, describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/dashboard/html'
import { text } from '../../src/dashboard/text'
import { seededDashboard } from '../support/seededDashboard'
import type { SeededDashboard } from '../support/seededDashboard'
import { hrefsOf } from '../support/pageText'

let seeded: SeededDashboard

beforeAll(async () => {
  seeded = await seededDashboard()
})

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await seeded.handler.fetch(new Request(`http://kerjasama.test${path}`, { headers }))
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const paths = (): string[] => ['/', '/matrix', '/watchlist', '/deadlines', '/potentials', '/reports/semester', `/agreements/${seeded.idOf('kebumen-gula-merah')}`, '/nowhere']

// A label as the pages write it: the whole content of an element.
const labels = (language: 'id' | 'en'): string[] =>
  Object.values(text)
    .filter((message) => message.id !== message.en)
    .map((message) => `>${escapeHtml(message[language])}<`)

describe('the language of the dashboard', () => {
  it('is Bahasa Indonesia by default; ?lang=en turns every page to English, no Indonesian label left behind', async () => {
    for (const path of paths()) {
      const indonesian = await get(path)
      expect(indonesian.text, path).toContain('<html lang="id">')
      expect(indonesian.headers.get('content-language')).toBe('id')
      for (const label of labels('en')) expect(indonesian.text, `${path} ${label}`).not.toContain(label)
      const english = await get(`${path}${path.includes('?') ? '&' : '?'}lang=en`)
      expect(english.text, path).toContain('<html lang="en">')
      expect(english.headers.get('content-language')).toBe('en')
      for (const label of labels('id')) expect(english.text, `${path} ${label}`).not.toContain(label)
    }
  })

  it('is remembered in the kerjasama_lang cookie after a click, and every link keeps it', async () => {
    const clicked = await get('/?lang=en')
    expect(clicked.headers.get('set-cookie')).toBe('kerjasama_lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly')
    const later = await get('/watchlist', { cookie: 'other=1; kerjasama_lang=en' })
    expect(later.text).toContain('<html lang="en">')
    expect(later.headers.get('set-cookie')).toBeNull()
    const links = hrefsOf(later.text).filter((href) => href.startsWith('/') && !href.startsWith('/assets/') && !href.startsWith('/api/'))
    expect(links.length).toBeGreaterThan(8)
    for (const href of links) expect(href, href).toMatch(/[?&]lang=(en|id)(&|$)/)
    // The form keeps it too: a hidden field, since a GET form replaces the query.
    expect(later.text).toContain('<input type="hidden" name="lang" value="en">')
    const back = await get('/?lang=id', { cookie: 'kerjasama_lang=en' })
    expect(back.text).toContain('<html lang="id">')
    expect(back.headers.get('set-cookie')).toContain('kerjasama_lang=id;')
    expect((await get('/', { cookie: 'kerjasama_lang=xx' })).text).toContain('<html lang="id">')
  })

  it('switches on the same page with the same filters', async () => {
    const page = await get('/?stage=signed&region=33.05')
    expect(page.text).toContain('<a class="site-header__language" href="/?stage=signed&amp;region=33.05&amp;lang=en" hreflang="en" lang="en">English</a>')
    const english = await get('/?stage=signed&lang=en')
    expect(english.text).toContain('href="/?stage=signed&amp;lang=id" hreflang="id" lang="id">Bahasa Indonesia</a>')
  })

  it('writes dates and decimals as each language does', async () => {
    const id = await get('/watchlist')
    expect(id.text).toContain('<time datetime="2023-09-21">21 September 2023</time>')
    expect(id.text).toContain('<time datetime="2023-02-22">22 Februari 2023</time>')
    const en = await get('/watchlist?lang=en')
    expect(en.text).toContain('<time datetime="2023-02-22">22 February 2023</time>')
  })
})
