import { AgreementNotFound, fold, parseAgreementEvent } from '@kerjasama/core'
import type { StoredEvent } from '@kerjasama/core'
import { queryTimeline } from '@kerjasama/projections'
import type { Context, Hono } from 'hono'
import type { ApiEnv } from '../apiEnv'
import { etagOf, ifNoneMatchHolds } from '../etag'
import type { ResolvedHandlerOptions } from '../handlerOptions'
import { jsonResponse } from '../jsonResponse'
import { agreementIdParameters, tenantReadQuery } from '../openapi/apiSchemas'
import { routeCatalogue } from '../openapi/routeCatalogue'
import { waitForReadModels } from '../readYourWrites'
import { parseParams, parseQuery } from '../requestQuery'

export function registerAgreementReadRoutes(api: Hono<ApiEnv>, options: ResolvedHandlerOptions): void {
  /** The agreement's stored events, after any read-your-writes wait; 404 when it has none. */
  const historyOf = async (c: Context<ApiEnv>): Promise<{ agreementId: string; events: StoredEvent[]; version: number }> => {
    const { id } = parseParams(c.req.param(), agreementIdParameters)
    const query = parseQuery(c.req.url, tenantReadQuery)
    await waitForReadModels(options, query)
    const events = await options.service.history(id, query.tenant === undefined ? {} : { tenant: query.tenant })
    const last = events.at(-1)
    if (last === undefined) throw new AgreementNotFound(id)
    return { agreementId: id, events, version: last.version }
  }

  api.get(routeCatalogue.getAgreement.path, async (c) => {
    const { agreementId, events, version } = await historyOf(c)
    const etag = etagOf(version)
    if (ifNoneMatchHolds(c.req.header('if-none-match'), version)) return new Response(null, { status: 304, headers: { etag } })
    // Folded from the same read that gave the version, so the state and its ETag can never be of two different versions.
    const state = fold(events.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data)))
    return jsonResponse({ agreementId, version, state }, 200, { etag })
  })

  api.get(routeCatalogue.getHistory.path, async (c) => {
    const { agreementId, events, version } = await historyOf(c)
    const etag = etagOf(version)
    // The same tag as the agreement's, so honoured the same way: a route that sends an ETag must evaluate If-None-Match (RFC 9110 §13.2.1).
    if (ifNoneMatchHolds(c.req.header('if-none-match'), version)) return new Response(null, { status: 304, headers: { etag } })
    return jsonResponse({ agreementId, version, events }, 200, { etag })
  })

  api.get(routeCatalogue.getTimeline.path, async (c) => {
    const { id } = parseParams(c.req.param(), agreementIdParameters)
    const query = parseQuery(c.req.url, tenantReadQuery)
    await waitForReadModels(options, query)
    const timeline = await queryTimeline(options.reader, { tenant: query.tenant ?? options.tenant, agreementId: id })
    if (timeline === undefined) throw new AgreementNotFound(id)
    return jsonResponse(timeline, 200)
  })
}
