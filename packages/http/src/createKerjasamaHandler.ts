import { Hono } from 'hono'
import { createApiApp } from './apiApp'
import { resolveHandlerOptions } from './handlerOptions'
import type { KerjasamaContext, KerjasamaHandlerOptions } from './handlerOptions'
import { buildOpenApiDocument } from './openapi/openApiDocument'
import type { OpenApiDocument } from './openapi/openApiDocument'

export type KerjasamaHandler = {
  /** The Web-standard handler: every route, `Request → Response`. */
  fetch: (request: Request) => Promise<Response>
  /** The Hono app behind `fetch`, to mount in a Hono app (`app.route('/', kerjasama.app)`) or to add pages to. */
  app: Hono
  /** What `GET ${basePath}/api/openapi.json` serves. */
  openApiDocument: OpenApiDocument
  /** The resolved options, as the dashboard seam gets them. */
  context: KerjasamaContext
}

/**
 * The JSON API over an agreement service and read models, as a Web-standard
 * handler. Options are checked with zod; a wrong one is VALIDATION_FAILED at
 * start-up, never a 500 on the first request.
 */
export function createKerjasamaHandler(options: KerjasamaHandlerOptions): KerjasamaHandler {
  const resolved = resolveHandlerOptions(options)
  const openApiDocument = buildOpenApiDocument({ basePath: resolved.basePath })
  const app = new Hono()
  app.route(resolved.basePath === '' ? '/' : resolved.basePath, createApiApp(resolved, openApiDocument))
  const context: KerjasamaContext = {
    service: resolved.service,
    reader: resolved.reader,
    runner: resolved.runner,
    authenticate: resolved.authenticate,
    clock: resolved.clock,
    tenant: resolved.tenant,
    watchlistPolicy: resolved.watchlistPolicy,
    basePath: resolved.basePath,
  }
  resolved.dashboard?.(app, context)
  return { fetch: async (request) => app.fetch(request), app, openApiDocument, context }
}
