import type { Hono } from 'hono'
import type { ApiEnv } from '../apiEnv'
import type { ResolvedHandlerOptions } from '../handlerOptions'
import { jsonResponse } from '../jsonResponse'
import { plainReadQuery } from '../openapi/apiSchemas'
import { routeCatalogue } from '../openapi/routeCatalogue'
import { RunnerNotConfigured } from '../problem/httpRefusals'
import { waitForReadModels } from '../readYourWrites'
import { parseQuery } from '../requestQuery'

export function registerProjectionStatusRoute(api: Hono<ApiEnv>, options: ResolvedHandlerOptions): void {
  api.get(routeCatalogue.getProjectionStatus.path, async (c) => {
    const query = parseQuery(c.req.url, plainReadQuery)
    if (options.runner === undefined) throw new RunnerNotConfigured('status')
    await waitForReadModels(options, query)
    return jsonResponse({ projections: await options.runner.status() }, 200)
  })
}
