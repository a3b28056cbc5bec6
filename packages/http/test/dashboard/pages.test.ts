import { beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_CONTENT_SECURITY_POLICY } from '../../src'
import { seededDashboard } from '../support/seededDashboard'
import type { SeededDashboard } from '../support/seededDashboard'
import { hrefsOf, tableHeaders, tableRows, textOf } from '../support/pageText'

let seeded: SeededDashboard

beforeAll(async () => {
  seeded = await seededDashboard()
})

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await seeded.handler.fetch(new Request(`http://kerjasama.test${path}`, { headers }))
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const pagePaths = (): string[] => ['/', '/matrix', '/watchlist', '/deadlines', '/potentials', '/reports/semester', `/agreements/${seeded.idOf('kebumen-gula-merah')}`]

describe('the dashboard on the Jawa Tengah scenario (judged 22 October 2023)', () => {
  it('answers every page as HTML in Bahasa Indonesia under a CSP that allows no script and no inline style', async () => {
    expect(DASHBOARD_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    for (const path of pagePaths()) {
      const page = await get(path)
      expect(page.status, path).toBe(200)
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CONTENT_SECURITY_POLICY)
      expect(page.headers.get('cache-control')).toBe('no-store')
      expect(page.text).toMatch(/^<!doctype html>\n<html lang="id">/)
      // What the CSP would block must not be there to block: no script, no style attribute or element.
      expect(page.text, path).not.toMatch(/<script|\sstyle=|<style/)
    }
  })

  it('gives every table a caption and every header cell a scope, and every chart a name and a description', async () => {
    for (const path of pagePaths()) {
      const page = await get(path)
      const tables = page.text.match(/<table /g)?.length ?? 0
      expect(tables, path).toBeGreaterThan(0)
      expect(page.text.match(/<caption /g)?.length, path).toBe(tables)
      expect(page.text.match(/<th(?![^>]*scope="(col|row)")[\s>]/g), path).toBeNull()
      for (const chart of page.text.matchAll(/<svg class="chart__svg" role="img" aria-labelledby="([^"]+)"/g)) {
        for (const id of (chart[1] as string).split(' ')) expect(page.text, `${path} #${id}`).toMatch(new RegExp(`<(title|desc) id="${id}">[^<]+</`))
      }
    }
  })

  it('register: every agreement, the read model’s filters, keyset pages that keep the filters', async () => {
    const all = tableRows((await get('/')).text, 'register')
    expect(all).toHaveLength(5)
    expect(all.map((row) => row[0])).toContain('Pengembangan sentra gula merah (gula kelapa) Kebumen')
    const signed = tableRows((await get('/?stage=signed&region=&urusan=')).text, 'register')
    expect(signed.map((row) => [row[0], row[4]])).toEqual([['Pemasaran gula merah melalui toko daring', 'Ditandatangani']])
    expect(tableRows((await get('/?urusan=3.26')).text, 'register').map((row) => row[0])).toEqual(['Promosi pariwisata bersama'])

    const first = await get('/?limit=2&region=33.05')
    const next = hrefsOf(first.text).find((href) => href.includes('after='))
    expect(next).toMatch(/^\/\?region=33\.05&limit=2&after=/)
    const second = await get(next as string)
    const firstRows = tableRows(first.text, 'register').map((row) => row[0])
    const secondRows = tableRows(second.text, 'register').map((row) => row[0])
    expect(firstRows).toHaveLength(2)
    expect(secondRows).toHaveLength(2)
    expect(secondRows.filter((object) => firstRows.includes(object))).toEqual([])
    expect(hrefsOf(second.text)).toContain('/?region=33.05&limit=2')
  })

  it('matrix: the pemetaan urusan counts, shaded by count with the number in the cell, and agreements by stage per region with the chart’s table', async () => {
    const page = (await get('/matrix?province=33')).text
    const headers = tableHeaders(page, 'matrix')
    const cell = (region: string, urusan: string): string | undefined => {
      const column = headers.findIndex((header) => header.startsWith(`${urusan} `))
      return tableRows(page, 'matrix').find((row) => row[0]?.endsWith(`(${region})`))?.[column]
    }
    expect(cell('33.05', '2.17')).toBe('2 1 ditandatangani, 1 dievaluasi')
    expect(cell('33.05', '3.26')).toBe('1 1 terkoordinasi')
    expect(cell('33', '4.02')).toBe('1 1 dievaluasi')
    expect(cell('33.06', '2.17')).toBe('0')
    expect(page).toMatch(/<td class="matrix-cell shade-4"><span class="count">2<\/span>/)
    expect(page).toContain('<td class="matrix-cell shade-0"><span class="count">0</span>')
    const byStage = tableRows(page, 'stages-chart-data').find((row) => row[0] === 'Kabupaten Kebumen (33.05)')
    expect(byStage).toEqual(['Kabupaten Kebumen (33.05)', '1', '0', '1', '1', '0', '1', '0', '4'])
    expect(tableRows((await get('/matrix?region=33.06')).text, 'matrix').map((row) => row[0])).toEqual(['Kabupaten Purworejo (33.06)'])
  })

  it('watchlist: worst first, the ceremonial agreements with their reasons and since when', async () => {
    const rows = tableRows((await get('/watchlist')).text, 'watchlist')
    expect(rows[0]?.slice(0, 2)).toEqual(['Pemasaran gula merah melalui toko daring', 'Tinggi'])
    expect(rows[0]?.[2]).toContain('1 kegiatan rencana kerja melewati tanggal jatuh tempo dan belum selesai')
    expect(rows.at(-1)).toEqual(['Promosi pariwisata bersama', 'Rendah', 'Tertahan pada tahap terkoordinasi lebih dari 180 hari', 'Terkoordinasi', '21 September 2023'])
    const english = tableRows((await get('/watchlist?lang=en')).text, 'watchlist')
    expect(english.at(-1)).toEqual(['Promosi pariwisata bersama', 'Low', 'Stuck at the coordinated stage for more than 180 days', 'Coordinated', '21 September 2023'])
  })

  it('deadlines: the next 30, 60 or 90 days, soonest first', async () => {
    const thirty = await get('/deadlines')
    expect(tableRows(thirty.text, 'deadlines').map((row) => row.slice(0, 3))).toEqual([['4 November 2023', 'Kegiatan rencana kerja', 'Promosi pariwisata bersama']])
    expect(thirty.text).toMatch(/<a href="\/deadlines\?days=30" aria-current="page">30 hari ke depan<\/a>/)
    expect(tableRows((await get('/deadlines?days=90&kind=term-end')).text, 'deadlines')).toEqual([['Tidak ada tenggat dalam jangka waktu ini.']])
  })

  it('potentials: Kebumen’s gula merah with the agreements pursuing it', async () => {
    const rows = tableRows((await get('/potentials')).text, 'potentials')
    expect(rows).toEqual([['Gula merah (gula kelapa) Kebumen', 'Kabupaten Kebumen (33.05)', 'Dievaluasi', 'Pengembangan sentra gula merah (gula kelapa) Kebumen — Dievaluasi']])
  })

  it('semester report: the current semester by default, any other on request, and a CSV download that answers', async () => {
    const current = await get('/reports/semester')
    expect(current.text).toContain('<h1>Laporan semester: Semester II tahun 2023</h1>')
    const page = await get('/reports/semester?semester=2022-2')
    expect(tableRows(page.text, 'report-activity').find((row) => row[0] === 'Kabupaten Kebumen (33.05)')).toEqual(['Kabupaten Kebumen (33.05)', '0', '0', '1', '100', '0'])
    expect(tableRows(page.text, 'monev-chart-data').map((row) => row.slice(0, 2))).toEqual([['21 Agustus 2022', 'Pengembangan sentra gula merah (gula kelapa) Kebumen']])
    const csvHref = hrefsOf(page.text).find((href) => href.includes('format=csv'))
    expect(csvHref).toBe('/api/reports/semester/2022-2?format=csv&lang=id')
    const csv = await get(csvHref as string)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.text).toContain('semester,kode_wilayah,tahap_teridentifikasi')
  })

  it('agreement: parties, urusan, planning documents, the work plan with state and evidence, monev, risks and the timeline', async () => {
    const id = seeded.idOf('kebumen-gula-merah')
    const page = (await get(`/agreements/${id}`)).text
    expect(page).toContain('<h1>Pengembangan sentra gula merah (gula kelapa) Kebumen</h1>')
    expect(tableRows(page, 'parties')).toEqual([
      ['Kabupaten Kebumen (33.05)', 'Pemrakarsa', '33.05'],
      ['Koperasi Produsen Nira Kelapa Kebumen', 'Pihak ketiga', 'koperasi-nira-kebumen'],
    ])
    expect(tableRows(page, 'urusan').map((row) => row[0])).toEqual(['2.17', '3.30', '3.31'])
    expect(tableRows(page, 'planning')).toEqual([['RPJMD', 'Perda RPJMD 2021-2026'], ['RKPD', 'RKPD 2022']])
    expect(tableRows(page, 'work-plan')[0]?.slice(4)).toEqual(['Selesai', 'Berita acara kebumen-gula-merah/1'])
    expect(tableRows(page, 'monev')).toEqual([['21 Agustus 2022', '100', 'Dilanjutkan', 'Rencana kerja terlaksana dan berlanjut']])
    expect(tableRows(page, 'risks').map((row) => row[0])).toEqual(['Tidak ada monitoring dan evaluasi selama lebih dari 6 bulan'])
    const timeline = tableRows(page, 'timeline')
    expect(timeline).toHaveLength((await seeded.handler.context.service.history(id)).length)
    expect(timeline[0]?.[1]).toBe('Kerja sama KSDPK diidentifikasi: Pengembangan sentra gula merah (gula kelapa) Kebumen')
    expect(timeline.find((row) => row[1]?.startsWith('Koperasi Produsen Nira Kelapa Kebumen menerima'))?.[2]).toBe('Mitra — Koperasi Produsen Nira Kelapa Kebumen')
  })

  it('serves its stylesheet to anyone, from its own path, without data', async () => {
    const css = await get('/assets/dashboard.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(css.text).toContain(':focus-visible')
    expect((await get('/')).text).toContain('<link rel="stylesheet" href="/assets/dashboard.css">')
  })
})

describe('a request the dashboard refuses', () => {
  it('names a misspelt or malformed filter in the officer’s language, rather than showing an unfiltered page', async () => {
    const misspelt = await get('/?regoin=33.05')
    expect(misspelt.status).toBe(400)
    expect(misspelt.headers.get('content-security-policy')).toBe(DASHBOARD_CONTENT_SECURITY_POLICY)
    expect(textOf(misspelt.text)).toContain('regoin')
    expect(misspelt.text).toContain('<h1>Masukan tidak valid</h1>')
    const english = await get('/watchlist?lang=en&region=33.05&region=33.06')
    expect(english.status).toBe(400)
    expect(english.text).toContain('<h1>Invalid input</h1>')
    expect(textOf(english.text)).toContain('region is given more than once')
    expect((await get('/?stage=signd')).status).toBe(400)
    expect((await get('/reports/semester?semester=2023-3')).status).toBe(400)
    expect((await get('/deadlines?days=lots')).status).toBe(400)
    expect((await get('/?lang=fr')).status).toBe(400)
    expect((await get('/?__proto__=33.05')).status).toBe(400)
  })

  it('answers an unknown agreement, another tenant’s id and an unknown path with a 404 page', async () => {
    for (const path of ['/agreements/01NOTHINGHERE', `/agreements/${seeded.idOf('kebumen-gula-merah')}?tenant=33.06`, '/nowhere']) {
      const page = await get(path)
      expect(page.status, path).toBe(404)
      expect(page.text).toContain('<h1>Halaman tidak ditemukan</h1>')
      expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CONTENT_SECURITY_POLICY)
    }
    // The API keeps its own 404s.
    expect((await get('/api/nowhere')).headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  })
})
