import { queryDeadlines, queryPotentials, queryRegister, queryUrusanMatrix, queryWatchlist } from '@kerjasama/projections'
import type { Hono } from 'hono'
import type { ApiEnv } from '../apiEnv'
import type { ResolvedHandlerOptions } from '../handlerOptions'
import { jsonResponse } from '../jsonResponse'
import { deadlinesQuery, matrixQuery, potentialsQuery, registerQuery, watchlistQuery } from '../openapi/apiSchemas'
import { routeCatalogue } from '../openapi/routeCatalogue'
import { waitForReadModels } from '../readYourWrites'
import { parseQuery } from '../requestQuery'

/** The built-in read models, each a query function of @kerjasama/projections over the handler's reader. */
export function registerReadModelRoutes(api: Hono<ApiEnv>, options: ResolvedHandlerOptions): void {
  const { reader } = options

  api.get(routeCatalogue.getRegister.path, async (c) => {
    const { waitFor, timeoutMs, lang: _lang, ...filter } = parseQuery(c.req.url, registerQuery)
    await waitForReadModels(options, { waitFor, timeoutMs })
    return jsonResponse(await queryRegister(reader, filter), 200)
  })

  api.get(routeCatalogue.getWatchlist.path, async (c) => {
    const { waitFor, timeoutMs, region } = parseQuery(c.req.url, watchlistQuery)
    await waitForReadModels(options, { waitFor, timeoutMs })
    // Time passing is no event: the watchlist is judged now, by the injected clock, at every request.
    const now = options.clock()
    const items = await queryWatchlist(reader, { now, ...(region === undefined ? {} : { region }), ...(options.watchlistPolicy === undefined ? {} : { policy: options.watchlistPolicy }) })
    return jsonResponse({ asOf: now.toISOString(), items }, 200)
  })

  api.get(routeCatalogue.getDeadlines.path, async (c) => {
    const { waitFor, timeoutMs, lang: _lang, ...filter } = parseQuery(c.req.url, deadlinesQuery)
    await waitForReadModels(options, { waitFor, timeoutMs })
    const now = options.clock()
    return jsonResponse({ asOf: now.toISOString(), items: await queryDeadlines(reader, { now, ...filter }) }, 200)
  })

  api.get(routeCatalogue.getMatrix.path, async (c) => {
    const { waitFor, timeoutMs, lang: _lang, ...filter } = parseQuery(c.req.url, matrixQuery)
    await waitForReadModels(options, { waitFor, timeoutMs })
    return jsonResponse(await queryUrusanMatrix(reader, filter), 200)
  })

  api.get(routeCatalogue.getPotentials.path, async (c) => {
    const { waitFor, timeoutMs, lang: _lang, ...filter } = parseQuery(c.req.url, potentialsQuery)
    await waitForReadModels(options, { waitFor, timeoutMs })
    return jsonResponse({ items: await queryPotentials(reader, filter) }, 200)
  })
}
