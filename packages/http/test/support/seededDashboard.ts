import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { testActors } from '@kerjasama/core/testing'
import { createSeedService, runSeedScenario } from '@kerjasama/example-jateng'
import type { SeedReport } from '@kerjasama/example-jateng'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createDashboard, createKerjasamaHandler } from '../../src'
import type { KerjasamaHandler } from '../../src'

const DAY_MS = 86_400_000

export type SeededDashboard = {
  handler: KerjasamaHandler
  seed: SeedReport
  /** The instant the pages are judged at. */
  now: Date
  /** The agreement id the scenario's story `key` got. */
  idOf(key: string): string
}

/**
 * The Jawa Tengah scenario (examples/jateng) recorded, projected, and served
 * by the handler with the dashboard, judged 100 days after its last step:
 * the festival MoU has stalled, the online shop's action is overdue, and the
 * festival's own action falls due within 30 days.
 */
export async function seededDashboard(): Promise<SeededDashboard> {
  const database = createMemoryDatabase()
  const eventStore = openMemoryStore({ database })
  const readModels = openMemoryReadModelStore({ database })
  const { service, clock } = createSeedService(eventStore)
  const seed = await runSeedScenario(service, () => undefined, clock)
  await createProjectionRunner({ eventStore, readModels, projections: [...builtInProjections] }).catchUp()
  const now = new Date(clock().getTime() + 100 * DAY_MS)
  const handler = createKerjasamaHandler({ service, readModels, eventStore, clock: () => now, authenticate: () => testActors.tkksd, dashboard: createDashboard() })
  const idOf = (key: string): string => {
    const found = seed.agreements.find((agreement) => agreement.key === key)
    if (found?.agreementId === undefined) throw new Error(`the scenario has no agreement ${key}`)
    return found.agreementId
  }
  return { handler, seed, now, idOf }
}

/** Serves a handler on 127.0.0.1, at a port the system picks unless one is given. */
export async function listen(fetch: (request: Request) => Promise<Response>, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch, hostname: '127.0.0.1', port }, () => resolve(started as Server))
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      }),
  }
}
