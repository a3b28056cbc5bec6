import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { createAgreementService } from '@kerjasama/core'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { createSeedService, runSeedScenario } from '@kerjasama/example-jateng'
import { createDashboard, createKerjasamaHandler } from '@kerjasama/http'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import { authenticateDemoUser } from './demoUsers'

export type DashboardApp = { url: string; close: () => Promise<void> }

/**
 * An app embedding Kerjasama: one store, the agreement service, the live
 * projection runner and the HTTP handler (JSON API under /api, the officers'
 * dashboard at /) on node:http. An empty store is seeded with the 2022 Jawa
 * Tengah scenario first, so there is something to look at.
 */
export async function startDashboardApp(input: { store: EventStore & { readModels: ReadModelStore }; port?: number; host?: string; log?: (line: string) => void }): Promise<DashboardApp> {
  const { store } = input
  const log = input.log ?? (() => undefined)
  const regions = await loadIndonesianRegions()
  if (await isEmpty(store)) {
    const { service, clock } = createSeedService(store, { regions })
    const seed = await runSeedScenario(service, () => undefined, clock)
    log(`Skenario Jawa Tengah 2022 dicatat / seeded: ${seed.agreements.length} kerja sama`)
  }
  const runner = createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [...builtInProjections] })
  // Caught up before the first request, so the first page shows every agreement; then live.
  await runner.catchUp()
  await runner.start()
  const handler = createKerjasamaHandler({
    service: createAgreementService({ store, regions }),
    eventStore: store,
    readModels: store.readModels,
    runner,
    authenticate: authenticateDemoUser,
    dashboard: createDashboard({ regions }),
  })
  const server = createServer(getRequestListener(handler.fetch))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(input.port ?? 8080, input.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/`
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runner.stop()
      await store.close()
    },
  }
}

async function isEmpty(store: EventStore): Promise<boolean> {
  for await (const _event of store.readAll({ batchSize: 1 })) return false
  return true
}
