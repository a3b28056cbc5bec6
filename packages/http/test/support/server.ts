import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createAgreementService } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import type { ProjectionRunner } from '@kerjasama/projections'
import { createKerjasamaHandler } from '../../src'
import type { KerjasamaHandler } from '../../src'
import type { ApiStores } from '../../src/testing'
import { START } from './lifecycle'

export type RunningServer = {
  url: string
  handler: KerjasamaHandler
  runner: ProjectionRunner
  stores: ApiStores
  clock: ReturnType<typeof testClock>
  /** A bearer token that authenticates as this actor. */
  tokenFor(actor: Actor): string
  close(): Promise<void>
}

/**
 * The handler as an app would run it: a live projection runner, bearer
 * tokens the app's authenticate looks up, served by @hono/node-server on
 * 127.0.0.1 at a port the system picks.
 */
export async function startServer(stores: ApiStores, options: { maxBodyBytes?: number } = {}): Promise<RunningServer> {
  const clock = testClock(START)
  const service = createAgreementService({ store: stores.eventStore, clock, maxRetries: 20 })
  const runner = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [...builtInProjections], pollIntervalMs: 20, clock })
  const tokens = new Map<string, Actor>()
  const handler = createKerjasamaHandler({
    service,
    readModels: stores.readModels,
    runner,
    eventStore: stores.eventStore,
    clock,
    ...options,
    authenticate: (request) => tokens.get(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''),
  })
  await runner.start()
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: handler.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started as Server))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    handler,
    runner,
    stores,
    clock,
    tokenFor(actor) {
      const token = `token-${actor.role}-${actor.actsFor}-${actor.id}`
      tokens.set(token, actor)
      return token
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      })
      await runner.stop()
      await stores.eventStore.close()
    },
  }
}
