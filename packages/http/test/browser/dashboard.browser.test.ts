/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser, so they are typed against the DOM.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'puppeteer-core'
import { chromiumAvailability, launchChromium } from '../support/chromium'
import { listen, seededDashboard } from '../support/seededDashboard'
import type { SeededDashboard } from '../support/seededDashboard'

// The dashboard as an official sees it: the seeded Jawa Tengah scenario
// served on 127.0.0.1, each page loaded in Debian's Chromium under the
// product's own CSP, checked for what must be on it, run through axe-core,
// walked with the keyboard, and photographed for docs/dashboard.md.

const chromium = chromiumAvailability()
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const screenshots = fileURLToPath(new URL('../../../../docs/images/', import.meta.url))
const YELLOW = 'rgb(255, 221, 0)'

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

describe.skipIf(!chromium.available)('the dashboard in Chromium', { timeout: 120_000 }, () => {
  let seeded: SeededDashboard
  let server: Awaited<ReturnType<typeof listen>>
  let browser: Browser
  let closeBrowser: () => Promise<void>
  const problems: string[] = []

  beforeAll(async () => {
    if (!chromium.available) return
    seeded = await seededDashboard()
    server = await listen(seeded.handler.fetch)
    ;({ browser, close: closeBrowser } = await launchChromium(chromium.executablePath))
    mkdirSync(screenshots, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await closeBrowser?.()
    await server?.close()
  })

  /** A tab at 1280×900 in a fresh context (no cookie from another test), recording every console error (a CSP violation is one) and script error. */
  async function open(path: string): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage()
    await page.setViewport({ width: 1280, height: 900 })
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${path}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`${path}: ${String(error)}`))
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' })
    expect(response?.status(), path).toBe(200)
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'")
    return page
  }

  /** axe-core, evaluated through the DevTools protocol: the page's CSP stays as the product sends it. */
  async function axe(page: Page): Promise<AxeViolation[]> {
    await page.evaluate(axeSource)
    return page.evaluate(async () => {
      const run = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run
      const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
      return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) }))
    })
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    const violations = await axe(page)
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([])
    // Lesser findings are reported, so they are seen and fixed, without failing the build.
    for (const violation of violations) console.warn(`axe ${name}: ${violation.impact} ${violation.id} — ${violation.help} (${violation.nodes.length})`)
  }

  const textOf = (page: Page, selector: string): Promise<string> => page.$eval(selector, (element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
  const rowsOf = (page: Page, tableId: string): Promise<string[][]> =>
    page.$$eval(`#${tableId} tbody tr`, (rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())))

  async function photograph(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `${screenshots}dashboard-${name}.png`, type: 'png' })
  }

  it('register: every agreement of the scenario, with the filter form and links to each', async () => {
    const page = await open('/')
    expect(await page.$eval('html', (element) => element.lang)).toBe('id')
    expect(await textOf(page, 'h1')).toBe('Register kerja sama')
    const rows = await rowsOf(page, 'register')
    expect(rows).toHaveLength(5)
    expect(rows.map((row) => row[0])).toContain('Pengembangan sentra gula merah (gula kelapa) Kebumen')
    expect(await page.$$eval('#register-filters label', (labels) => labels.map((label) => ((label as HTMLLabelElement).control as HTMLInputElement | null)?.name))).toEqual(
      ['region', 'party', 'urusan', 'stage', 'kind', 'planningDocument', 'potential', 'endingBefore', 'limit'],
    )
    await expectAccessible(page, 'register')
    await photograph(page, 'register')
    await page.browserContext().close()
  })

  it('register: the filter form, used as an official would, narrows the list and keeps its values', async () => {
    const page = await open('/')
    await page.select('#register-filters-stage', 'signed')
    await Promise.all([page.waitForNavigation(), page.click('#register-filters button[type="submit"]')])
    expect(new URL(page.url()).searchParams.get('stage')).toBe('signed')
    expect((await rowsOf(page, 'register')).map((row) => row[0])).toEqual(['Pemasaran gula merah melalui toko daring'])
    expect(await page.$eval('#register-filters-stage', (select) => (select as HTMLSelectElement).value)).toBe('signed')
    await page.browserContext().close()
  })

  it('matrix: the pemetaan urusan counts in shaded cells, and the chart of agreements by stage with its table', async () => {
    const page = await open('/matrix')
    const cell = async (region: string, urusan: string): Promise<string> =>
      page.evaluate(
        (regionCode, urusanCode) => {
          const table = document.querySelector('#matrix') as HTMLTableElement
          const column = [...table.tHead!.rows[0]!.cells].findIndex((header) => header.innerText.startsWith(urusanCode))
          const row = [...table.tBodies[0]!.rows].find((candidate) => candidate.cells[0]!.innerText.endsWith(`(${regionCode})`))
          return row?.cells[column]?.querySelector('.count')?.textContent ?? 'missing'
        },
        region,
        urusan,
      )
    expect(await cell('33.05', '2.17')).toBe('2')
    expect(await cell('33.05', '3.26')).toBe('1')
    expect(await cell('33', '4.02')).toBe('1')
    // Shaded: the fullest cell is darkest, an empty one white.
    const shades = await page.$$eval('#matrix td.matrix-cell', (cells) => [...new Set(cells.map((cell) => getComputedStyle(cell).backgroundColor))])
    expect(shades.length).toBeGreaterThanOrEqual(3)
    const chart = await page.$eval('#stages-chart svg', (svg) => ({ role: svg.getAttribute('role'), name: svg.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent) }))
    expect(chart.role).toBe('img')
    expect(chart.name?.[0]).toBe('Kerja sama per tahap di setiap wilayah')
    expect((await rowsOf(page, 'stages-chart-data')).find((row) => row[0] === 'Kabupaten Kebumen (33.05)')?.at(-1)).toBe('4')
    await expectAccessible(page, 'matrix')
    await photograph(page, 'matrix')
    const figure = await page.$('#stages-chart')
    await figure?.scrollIntoView()
    await figure?.screenshot({ path: `${screenshots}dashboard-chart.png` })
    await page.browserContext().close()
  })

  it('watchlist: the ceremonial agreements, worst first, each with its reason and since when', async () => {
    const page = await open('/watchlist')
    const rows = await rowsOf(page, 'watchlist')
    expect(rows[0]?.slice(0, 2)).toEqual(['Pemasaran gula merah melalui toko daring', 'Tinggi'])
    expect(rows[0]?.[2]).toContain('1 kegiatan rencana kerja melewati tanggal jatuh tempo dan belum selesai')
    expect(rows.find((row) => row[0] === 'Promosi pariwisata bersama')).toEqual(['Promosi pariwisata bersama', 'Rendah', 'Tertahan pada tahap terkoordinasi lebih dari 180 hari', 'Terkoordinasi', '21 September 2023'])
    await expectAccessible(page, 'watchlist')
    await photograph(page, 'watchlist')
    await page.browserContext().close()
  })

  it('deadlines: what falls due in the next 30 days, and the 60 and 90 a click away', async () => {
    const page = await open('/deadlines')
    expect((await rowsOf(page, 'deadlines')).map((row) => row.slice(0, 3))).toEqual([['4 November 2023', 'Kegiatan rencana kerja', 'Promosi pariwisata bersama']])
    await Promise.all([page.waitForNavigation(), page.click('.periods a[href*="days=90"]')])
    expect(await page.$eval('.periods a[aria-current="page"]', (link) => link.textContent)).toBe('90 hari ke depan')
    await expectAccessible(page, 'deadlines')
    await photograph(page, 'deadlines')
    await page.browserContext().close()
  })

  it('agreement: parties, urusan, planning documents, the work plan with evidence, monev with its chart, and the timeline', async () => {
    const page = await open(`/agreements/${seeded.idOf('kebumen-gula-merah')}`)
    expect(await textOf(page, 'h1')).toBe('Pengembangan sentra gula merah (gula kelapa) Kebumen')
    expect((await rowsOf(page, 'parties')).map((row) => row[0])).toEqual(['Kabupaten Kebumen (33.05)', 'Koperasi Produsen Nira Kelapa Kebumen'])
    expect((await rowsOf(page, 'urusan')).map((row) => row[0])).toEqual(['2.17', '3.30', '3.31'])
    expect((await rowsOf(page, 'work-plan'))[0]?.slice(-2)).toEqual(['Selesai', 'Berita acara kebumen-gula-merah/1'])
    expect((await rowsOf(page, 'monev'))[0]?.slice(0, 2)).toEqual(['21 Agustus 2022', '100'])
    expect(await page.$eval('#monev-chart svg', (svg) => svg.getAttribute('role'))).toBe('img')
    expect((await rowsOf(page, 'timeline')).length).toBeGreaterThan(10)
    await expectAccessible(page, 'agreement')
    await photograph(page, 'agreement')
    await page.browserContext().close()
  })

  it('potentials: Kebumen’s gula merah, with the agreement pursuing it', async () => {
    const page = await open('/potentials')
    expect(await rowsOf(page, 'potentials')).toEqual([['Gula merah (gula kelapa) Kebumen', 'Kabupaten Kebumen (33.05)', 'Dievaluasi', 'Pengembangan sentra gula merah (gula kelapa) Kebumen — Dievaluasi']])
    await expectAccessible(page, 'potentials')
    await photograph(page, 'potentials')
    await page.browserContext().close()
  })

  it('semester report: per region, the monev chart with its table, and a CSV download that answers', async () => {
    const page = await open('/reports/semester?semester=2022-2')
    expect(await textOf(page, 'h1')).toBe('Laporan semester: Semester II tahun 2022')
    expect((await rowsOf(page, 'report-stages')).map((row) => row[0])).toContain('Kabupaten Kebumen (33.05)')
    const csv = await page.$eval('a[download]', (link) => (link as HTMLAnchorElement).href)
    const download = await fetch(csv)
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(await download.text()).toContain('2022-2,33.05,')
    await expectAccessible(page, 'report')
    await photograph(page, 'report')
    await page.browserContext().close()
  })

  it('English at a click, kept by the cookie as the official moves on', async () => {
    const page = await open('/watchlist')
    await Promise.all([page.waitForNavigation(), page.click('.site-header__language')])
    expect(await page.$eval('html', (element) => element.lang)).toBe('en')
    expect(await textOf(page, 'h1')).toBe('Ceremonial-risk watchlist')
    expect((await rowsOf(page, 'watchlist')).find((row) => row[0] === 'Promosi pariwisata bersama')?.[2]).toBe('Stuck at the coordinated stage for more than 180 days')
    expect((await page.browserContext().cookies()).find((cookie) => cookie.name === 'kerjasama_lang')?.value).toBe('en')
    await expectAccessible(page, 'watchlist (English)')
    await photograph(page, 'watchlist-en')
    await Promise.all([page.waitForNavigation(), page.click('.site-nav a[href^="/potentials"]')])
    expect(await textOf(page, 'h1')).toBe('Local potentials')
    await page.browserContext().close()
  })

  it('keyboard: Tab reaches the skip link, the menu, then the filter form in order, focus always visible; the skip link jumps to the content', async () => {
    const page = await open('/')
    const stops: Array<{ name: string; visible: boolean }> = []
    // A date field takes a Tab per part (day, month, year): it is one stop, however many presses it holds.
    for (let presses = 0; presses < 40 && stops.at(-1)?.name !== 'Terapkan saringan'; presses += 1) {
      await page.keyboard.press('Tab')
      const stop = await page.evaluate((yellow) => {
          const element = document.activeElement as HTMLElement
          const style = getComputedStyle(element)
          const marked = style.backgroundColor === yellow || (style.outlineStyle !== 'none' && style.outlineColor === yellow)
          const box = element.getBoundingClientRect()
          return { name: element.id || element.getAttribute('name') || element.textContent!.trim(), visible: element.matches(':focus-visible') && marked && box.left >= 0 && box.width > 0 }
        }, YELLOW)
      if (stop.name !== stops.at(-1)?.name) stops.push(stop)
    }
    expect(stops.map((stop) => stop.name)).toEqual([
      'Langsung ke isi utama', 'Kerja Sama Daerah', 'English',
      'Register', 'Matriks urusan', 'Daftar pantauan', 'Tenggat', 'Potensi daerah', 'Laporan semester',
      'register-filters-region', 'register-filters-party', 'register-filters-urusan', 'register-filters-stage', 'register-filters-kind',
      'register-filters-planningDocument', 'register-filters-potential', 'register-filters-endingBefore', 'register-filters-limit', 'Terapkan saringan',
    ])
    expect(stops.filter((stop) => !stop.visible).map((stop) => stop.name)).toEqual([])

    await page.reload()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-filters-region')
    await page.browserContext().close()
  })

  it('runs no script: the CSP refuses one injected into the page, and no page broke it', async () => {
    const page = await open('/?stage=signed')
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'document.documentElement.dataset.ran = "yes"'
      document.body.append(script)
      return document.documentElement.dataset.ran === 'yes'
    })
    expect(ran).toBe(false)
    expect(problems.filter((problem) => !problem.startsWith('/?stage=signed: Executing inline script violates'))).toEqual([])
    await page.browserContext().close()
  })
})
