import { createAgreementService } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { agreementLifecycle, testActors, testClock } from '@kerjasama/core/testing'
import type { LifecycleOptions, LifecycleVariant } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createDashboard, createKerjasamaHandler } from '../../src'
import type { DashboardOptions, KerjasamaHandler } from '../../src'
import { START } from './lifecycle'
import { memoryStores } from './stores'

const DAY_MS = 86_400_000

export type Page = { status: number; headers: Headers; text: string }

/**
 * The handler with the dashboard over memory stores for Kebumen (33.05),
 * agreements recorded through the service (so the guards apply), and pages
 * fetched in-process as the signed-in officer, each at a chosen day.
 */
export async function dashboardScenario(options: { dashboard?: DashboardOptions; basePath?: string; authenticate?: (request: Request) => Actor | undefined } = {}) {
  const stores = memoryStores()
  const clock = testClock(START)
  const service = createAgreementService({ store: stores.eventStore, clock })
  const runner = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [...builtInProjections], clock })
  const handler: KerjasamaHandler = createKerjasamaHandler({
    service,
    readModels: stores.readModels,
    eventStore: stores.eventStore,
    clock,
    ...(options.basePath === undefined ? {} : { basePath: options.basePath }),
    authenticate: options.authenticate ?? (() => testActors.tkksd),
    dashboard: createDashboard(options.dashboard),
  })
  const dayOf = (day: number): Date => new Date(Date.parse(START) + day * DAY_MS)
  return {
    handler,
    clock,
    stores,
    /** Records an agreement's good path up to (not including) the step labelled `stopBefore`; answers its id. */
    async record(lifecycle: Omit<LifecycleOptions, 'agreementId' | 'start'> = {}, variant: LifecycleVariant = 'KSDPK', stopBefore?: string): Promise<string> {
      const [identify, ...steps] = agreementLifecycle(variant, { ...lifecycle, agreementId: 'placeholder', start: clock() })
      const start = clock().getTime()
      const { agreementId: _placeholder, ...command } = identify.command
      const created = await service.execute(command, { actor: identify.actor })
      const agreementId = created.agreementId
      for (const step of steps) {
        if (step.label === stopBefore) break
        clock.set(new Date(start + step.day * DAY_MS))
        await service.execute({ ...step.command, agreementId } as typeof step.command, { actor: step.actor })
      }
      await runner.catchUp()
      return agreementId
    },
    /** GETs a page (below basePath) with the clock on `day` (days after 22 February 2022). */
    async page(path: string, request: { day?: number; headers?: Record<string, string> } = {}): Promise<Page> {
      if (request.day !== undefined) clock.set(dayOf(request.day))
      const response = await handler.fetch(new Request(`http://kerjasama.test${options.basePath ?? ''}${path}`, { headers: request.headers ?? {} }))
      return { status: response.status, headers: response.headers, text: await response.text() }
    },
  }
}
