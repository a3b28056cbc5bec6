import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { Context } from 'hono'
import type { ApiEnv } from './apiEnv'
import { authenticateRequests } from './authentication'
import type { ResolvedHandlerOptions } from './handlerOptions'
import { toJson } from './jsonResponse'
import { jsonResponse } from './jsonResponse'
import { detectLanguage, languageOf } from './language'
import { languageQuery } from './openapi/apiSchemas'
import type { OpenApiDocument } from './openapi/openApiDocument'
import { routeCatalogue } from './openapi/routeCatalogue'
import { MethodNotAllowed, RouteNotFound } from './problem/httpRefusals'
import { renderProblem } from './problem/problemDetails'
import { parseQuery } from './requestQuery'
import { registerAgreementReadRoutes } from './routes/agreementReads'
import { registerWriteRoutes } from './routes/agreementWrites'
import { registerProjectionStatusRoute } from './routes/projectionStatusRoute'
import { registerReadModelRoutes } from './routes/readModelRoutes'
import { registerSemesterReportRoute } from './routes/semesterReportRoute'

/**
 * The JSON API as one Hono app, every path under /api. Its error handler
 * answers every failure of its own routes as a problem document; pages
 * mounted beside it (the dashboard) keep their own error handling.
 */
export function createApiApp(options: ResolvedHandlerOptions, document: OpenApiDocument): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>()
  // Set before any route is added: Hono wraps routes with the error handler the app has when they are mounted.
  api.onError((error, c) => problemResponse(error, c, options))
  // First, so a preflight is answered before authentication and every answer — a problem document included — carries the headers a browser needs to read it.
  if (options.cors !== undefined) api.use('/api/*', crossOrigin(options.cors))
  api.use('/api/*', detectLanguage())

  // Registered before authentication, which Hono then never runs for it: the document describes the API and holds no data.
  api.get(routeCatalogue.getOpenApi.path, (c) => {
    parseQuery(c.req.url, languageQuery)
    return jsonResponse(document, 200)
  })

  api.use('/api/*', authenticateRequests(options.authenticate))
  registerWriteRoutes(api, options)
  registerAgreementReadRoutes(api, options)
  registerReadModelRoutes(api, options)
  registerSemesterReportRoute(api, options)
  registerProjectionStatusRoute(api, options)

  // Last, so it only answers what no route above matched: a known path asked with another
  // method is 405 with Allow, an unknown /api path 404 — both problem documents.
  const routes = Object.values(routeCatalogue).map((route) => ({ method: route.method.toUpperCase(), pattern: pathPattern(options.basePath + route.path) }))
  api.all('/api/*', (c) => {
    const path = new URL(c.req.url).pathname
    const allowed = [...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method))]
    if (allowed.length > 0) throw new MethodNotAllowed(c.req.method, path, allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed)
    throw new RouteNotFound(c.req.method, path)
  })
  return api
}

function crossOrigin(options: NonNullable<ResolvedHandlerOptions['cors']>): ReturnType<typeof cors> {
  const methods = [...new Set(Object.values(routeCatalogue).map((route) => route.method.toUpperCase()))]
  return cors({
    origin: [...options.origins],
    allowMethods: [...methods, 'HEAD'],
    // What the API reads from a request besides the body: who asks, in which language, and the write preconditions.
    allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'If-Match', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Location', 'Content-Language', 'WWW-Authenticate', 'Content-Disposition'],
    maxAge: options.maxAgeSeconds ?? 600,
    credentials: options.credentials ?? false,
  })
}

/**
 * A route's Hono path (`/api/agreements/:id`) as a pattern matching one path segment per parameter.
 * Exact, as Hono's router is: a path with a trailing slash matches no route, so it is 404 —
 * matching it here made `GET /api/register/` a 405 whose Allow named GET.
 */
function pathPattern(path: string): RegExp {
  const escaped = path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${escaped.join('/')}$`)
}

function problemResponse(error: unknown, c: Context<ApiEnv>, options: ResolvedHandlerOptions): Response {
  const rendered = renderProblem(error, { language: languageOf(c.get('language')), instance: new URL(c.req.url).pathname })
  if (rendered.unexpected) options.onUnexpectedError(error, c.req.raw)
  const headers = { ...rendered.headers, ...(rendered.status === 401 ? { 'www-authenticate': options.challenge } : {}) }
  return new Response(toJson(rendered.body), { status: rendered.status, headers })
}
