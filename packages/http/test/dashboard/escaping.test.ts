import { beforeAll, describe, expect, it } from 'vitest'
import { dashboardScenario } from '../support/dashboardScenario'

// Whatever an officer typed into the record reaches the page as text: the
// object, the potential, the agency and a partner's name, each trying to
// break out of a text node, an attribute or a table cell.
const OBJECT = '<script>alert(1)</script>'
const POTENTIAL = '<img src=x onerror=alert(1)>'
const UNIT = '"><svg onload=alert(1)>'
const PARTNER = "</td><script>alert('mitra')</script>"

const escaped = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

let scenario: Awaited<ReturnType<typeof dashboardScenario>>
let agreementId: string

beforeAll(async () => {
  scenario = await dashboardScenario()
  agreementId = await scenario.record({
    object: OBJECT,
    potential: POTENTIAL,
    initiatingUnit: UNIT,
    partners: [{ partnerId: 'koperasi-gula-kelapa', name: PARTNER, kind: 'pihak-ketiga' }],
  })
})

// Each page on a day where the agreement shows on it: its term ending (day 1140), its monev overdue (day 400).
const pages = (): Array<{ path: string; day: number; shows: string[] }> => [
  { path: '/', day: 400, shows: [OBJECT] },
  { path: '/matrix', day: 400, shows: [] },
  { path: '/watchlist', day: 400, shows: [OBJECT] },
  { path: '/deadlines', day: 1140, shows: [OBJECT] },
  { path: '/potentials', day: 400, shows: [POTENTIAL, OBJECT] },
  { path: '/reports/semester?semester=2022-2', day: 400, shows: [OBJECT] },
  { path: `/agreements/${agreementId}`, day: 400, shows: [OBJECT, POTENTIAL, UNIT, PARTNER] },
]

describe('every page shows what was recorded as text, never as markup', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}`, async () => {
      for (const { path, day, shows } of pages()) {
        const page = await scenario.page(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, { day })
        expect(page.status, path).toBe(200)
        // The dashboard has no script of its own, so any script element came from the data.
        expect(page.text, path).not.toMatch(/<script|<img|<svg onload/i)
        for (const text of shows) expect(page.text, `${path} shows ${text}`).toContain(escaped(text))
      }
    })
  }

  it('in the page title and the language switch, which repeat the object and the query', async () => {
    const page = await scenario.page(`/agreements/${agreementId}?lang=en`, { day: 400 })
    expect(page.text).toContain(`<title>${escaped(OBJECT)} — `)
    const filtered = await scenario.page(`/?potential=${encodeURIComponent(POTENTIAL)}`, { day: 400 })
    expect(filtered.text).not.toContain('<img')
    expect(filtered.text).toContain(`value="${escaped(POTENTIAL)}"`)
  })
})
