import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import { createKerjasamaHandler } from '../../src'
import { memoryStores } from '../support/stores'
import { officers } from '../support/lifecycle'
// docs:start mount-imports
import { createServer } from 'node:http'
import { getRequestListener, serve } from '@hono/node-server'
import { Hono } from 'hono'
import express from 'express'
import Fastify from 'fastify'
// docs:end

// Each mounting line of docs/http.md, run: the server it starts must answer
// the API (a 404 problem for an unknown agreement) and, where it has its own
// routes, those too. docs/httpDocument checks the page quotes these lines.

const { eventStore, readModels } = memoryStores()
const kerjasama = createKerjasamaHandler({ service: createAgreementService({ store: eventStore }), readModels, authenticate: () => officers.tkksd })
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

function urlOf(server: { address(): string | AddressInfo | null }): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function answersTheApi(base: string): Promise<void> {
  const response = await fetch(`${base}/api/agreements/nothing`)
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  expect(await response.json()).toMatchObject({ code: 'AGREEMENT_NOT_FOUND' })
  // The refusal names the misspelt field, so the body reached the handler whole, not eaten by the framework's own parser.
  const posted = await fetch(`${base}/api/agreements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"KSDPK","potensi":"gula"}' })
  expect(await posted.json()).toMatchObject({ code: 'VALIDATION_FAILED', violations: expect.arrayContaining([expect.objectContaining({ code: 'FIELD_UNKNOWN', details: { path: 'potensi' } })]) })
}

describe('mounting the handler (docs/http.md)', () => {
  it('node:http', async () => {
    // docs:start mount-node
    const server = createServer(getRequestListener(kerjasama.fetch)).listen(0, '127.0.0.1')
    // docs:end
    await new Promise((resolve) => server.once('listening', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    await answersTheApi(urlOf(server))
  })

  it('@hono/node-server', async () => {
    // docs:start mount-serve
    const server = serve({ fetch: kerjasama.fetch, hostname: '127.0.0.1', port: 0 })
    // docs:end
    await new Promise((resolve) => server.once('listening', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    await answersTheApi(urlOf(server))
  })

  it('Hono', async () => {
    const app = new Hono()
    app.get('/health', (c) => c.text('ok'))
    // docs:start mount-hono
    app.route('/', kerjasama.app)
    // docs:end
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
    await new Promise((resolve) => server.once('listening', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    await answersTheApi(urlOf(server))
    expect(await (await fetch(`${urlOf(server)}/health`)).text()).toBe('ok')
  })

  it('Express', async () => {
    const app = express()
    // docs:start mount-express
    app.use(getRequestListener(kerjasama.fetch))
    // docs:end
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    await answersTheApi(urlOf(server))
  })

  it('Fastify', async () => {
    const app = Fastify()
    app.get('/health', async () => 'ok')
    // docs:start mount-fastify
    app.addHook('onRequest', async (request, reply) => { if (request.url.startsWith('/api/')) await getRequestListener(kerjasama.fetch)(request.raw, reply.hijack().raw) })
    // docs:end
    await app.listen({ host: '127.0.0.1', port: 0 })
    closers.push(() => app.close())
    await answersTheApi(urlOf(app.server))
    expect(await (await fetch(`${urlOf(app.server)}/health`)).text()).toBe('ok')
  })
})
