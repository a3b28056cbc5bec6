import { z } from 'zod'
import { jawaTengahRegions, parseOrThrow } from '@kerjasama/core'
import type { RegionDirectory } from '@kerjasama/core'
import { Hono } from 'hono'
import type { Context, MiddlewareHandler } from 'hono'
import type { KerjasamaContext } from '../handlerOptions'
import type { Language } from '../language'
import { NotAuthenticated } from '../problem/httpRefusals'
import { renderProblem } from '../problem/problemDetails'
import { parseParams } from '../requestQuery'
import { agreementPage, agreementPageParameters, loadAgreement } from './agreementPage'
import { languageCookie, pageLanguage } from './dashboardLanguage'
import { deadlinesPage, loadDeadlines } from './deadlinesPage'
import { pageToday } from './displayFormats'
import { errorPage } from './errorPage'
import type { Html } from './html'
import { loadMatrix, matrixPage } from './matrixPage'
import type { PageContext } from './pageContext'
import { pageQueries } from './pageQueries'
import { parsePageQuery } from './pageQuery'
import { loadPotentials, potentialsPage } from './potentialsPage'
import { loadRegister, registerPage } from './registerPage'
import { loadReport, reportPage } from './reportPage'
import { pageHeaders } from './securityHeaders'
import { dashboardStylesheet } from './stylesheet'
import { loadWatchlist, watchlistPage } from './watchlistPage'

export type DashboardOptions = {
  /** Names regions on the pages ("Kabupaten Kebumen (33.05)"); default the bundled Jawa Tengah table. Pass @kerjasama/regions-id's directory for the whole country. */
  regions?: RegionDirectory
  /**
   * The answer to a request the handler's authenticate does not recognise:
   * typically a redirect to the app's sign-in page. Default: a 401 page.
   */
  unauthenticated?: (request: Request) => Response | Promise<Response>
  /** Called with every error answered as a 500 page (whose text never shows it): log it here. */
  onUnexpectedError?: (error: unknown, request: Request) => void
}

type DashboardEnv = { Variables: { lang: Language; chosenLanguage: Language | undefined; now: Date } }

const isFunction = (value: unknown): boolean => typeof value === 'function'
export const dashboardOptionsSchema = z.strictObject({
  regions: z
    .custom<RegionDirectory>((value) => typeof value === 'object' && value !== null && typeof (value as RegionDirectory).describe === 'function', {
      error: 'regions must be a RegionDirectory',
      params: { messageId: 'regions harus berupa RegionDirectory' },
    })
    .optional(),
  unauthenticated: z.custom<DashboardOptions['unauthenticated']>(isFunction, { error: 'unauthenticated must be a function', params: { messageId: 'unauthenticated harus berupa fungsi' } }).optional(),
  onUnexpectedError: z.custom<DashboardOptions['onUnexpectedError']>(isFunction, { error: 'onUnexpectedError must be a function', params: { messageId: 'onUnexpectedError harus berupa fungsi' } }).optional(),
})

/**
 * The officers' dashboard, for the handler's `dashboard` option:
 * `createKerjasamaHandler({ …, dashboard: createDashboard() })` serves it at
 * `${basePath}/`, beside the JSON API. Server-rendered HTML, read-only, no
 * script; every page reads the same read models as the API, through the
 * handler's reader, and judges the watchlist and deadlines by its clock.
 */
export function createDashboard(options: DashboardOptions = {}): (app: Hono, context: KerjasamaContext) => void {
  parseOrThrow(dashboardOptionsSchema, options, { id: 'opsi dasbor Kerjasama', en: 'Kerjasama dashboard options' })
  const regions = options.regions ?? jawaTengahRegions
  const onUnexpectedError = options.onUnexpectedError ?? (() => undefined)

  return (app, context) => {
    const { basePath } = context
    const source = { reader: context.reader, tenant: context.tenant, watchlistPolicy: context.watchlistPolicy }
    const pageOf = (c: Context<DashboardEnv>): PageContext => {
      const url = new URL(c.req.url)
      const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : '/'
      // Before the page middleware ran (an unknown path), the language and the instant are read here.
      return { lang: c.get('lang') ?? pageLanguage(c.req.raw).lang, basePath, path, query: url.searchParams, now: c.get('now') ?? context.clock(), regions, tenant: context.tenant }
    }
    const respond = (c: Context<DashboardEnv>, body: Html, status = 200): Response => {
      const chosen = c.get('chosenLanguage')
      const headers = new Headers(pageHeaders(c.get('lang') ?? pageLanguage(c.req.raw).lang))
      if (chosen !== undefined) headers.append('set-cookie', languageCookie(chosen, basePath))
      return new Response(body.toString(), { status, headers })
    }

    const pages = new Hono<DashboardEnv>()
    // Set before the routes: Hono wraps each route with the error handler the app has when it is added.
    pages.onError((error, c) => {
      const page = pageOf(c)
      const rendered = renderProblem(error, { language: page.lang, instance: page.path })
      if (rendered.unexpected) onUnexpectedError(error, c.req.raw)
      return respond(c, errorPage(page, { status: rendered.status, title: rendered.body.title, detail: rendered.body.detail, violations: rendered.body.violations }), rendered.status)
    })

    // The stylesheet holds no data: served to anyone, so the sign-in page an app redirects to can use it too.
    pages.get(`${basePath}/assets/dashboard.css`, () => new Response(dashboardStylesheet, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' } }))

    const signedIn: MiddlewareHandler<DashboardEnv> = async (c, next) => {
      const { lang, chosen } = pageLanguage(c.req.raw)
      c.set('lang', lang)
      c.set('chosenLanguage', chosen)
      // One reading of the clock per request: every part of a page is judged at the same instant.
      c.set('now', context.clock())
      const actor = await context.authenticate(c.req.raw)
      if (actor === undefined || actor === null) {
        if (options.unauthenticated !== undefined) return options.unauthenticated(c.req.raw)
        throw new NotAuthenticated()
      }
      await next()
    }

    if (basePath !== '') pages.get(basePath, (c) => c.redirect(`${basePath}/${new URL(c.req.url).search}`, 308))
    pages.get(`${basePath}/`, signedIn, async (c) => respond(c, registerPage(pageOf(c), await loadRegister(source, parsePageQuery(c.req.url, pageQueries['/'])))))
    pages.get(`${basePath}/matrix`, signedIn, async (c) => respond(c, matrixPage(pageOf(c), await loadMatrix(source, parsePageQuery(c.req.url, pageQueries['/matrix'])))))
    pages.get(`${basePath}/watchlist`, signedIn, async (c) => respond(c, watchlistPage(pageOf(c), await loadWatchlist(source, parsePageQuery(c.req.url, pageQueries['/watchlist']), c.get('now')))))
    pages.get(`${basePath}/deadlines`, signedIn, async (c) => respond(c, deadlinesPage(pageOf(c), await loadDeadlines(source, parsePageQuery(c.req.url, pageQueries['/deadlines']), c.get('now')))))
    pages.get(`${basePath}/potentials`, signedIn, async (c) => respond(c, potentialsPage(pageOf(c), await loadPotentials(source, parsePageQuery(c.req.url, pageQueries['/potentials'])))))
    pages.get(`${basePath}/reports/semester`, signedIn, async (c) => {
      const query = parsePageQuery(c.req.url, pageQueries['/reports/semester'])
      return respond(c, reportPage(pageOf(c), await loadReport(source, query, pageToday(pageOf(c), query.region))))
    })
    pages.get(`${basePath}/agreements/:id`, signedIn, async (c) => {
      const { id } = parseParams(c.req.param(), agreementPageParameters)
      return respond(c, agreementPage(pageOf(c), await loadAgreement(source, id, parsePageQuery(c.req.url, pageQueries['/agreements/:id']), c.get('now'))))
    })

    // Full paths rather than app.route(basePath): Hono would answer the register at "/kerjasama" but not at "/kerjasama/".
    app.route('/', pages)
    // Any other path of the handler (the API answers its own under /api) gets the dashboard's 404 page.
    app.notFound((c) => {
      const page = pageOf(c as unknown as Context<DashboardEnv>)
      return respond(c as unknown as Context<DashboardEnv>, errorPage(page, { status: 404, title: '', detail: '', violations: [] }), 404)
    })
  }
}
