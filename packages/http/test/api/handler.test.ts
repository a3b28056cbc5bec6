import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { StoreUnavailable, createAgreementService } from '@kerjasama/core'
import type { Actor, AgreementService } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createKerjasamaHandler } from '../../src'
import type { KerjasamaHandlerOptions } from '../../src'
import { readResponse } from '../../src/testing'
import { memoryStores } from '../support/stores'
import { officers } from '../support/lifecycle'

function handlerWith(overrides: Partial<KerjasamaHandlerOptions> = {}, actor: Actor | undefined = officers.tkksd) {
  const { eventStore, readModels } = memoryStores()
  const service = createAgreementService({ store: eventStore, clock: testClock() })
  const handler = createKerjasamaHandler({ service, readModels, eventStore, authenticate: () => actor, ...overrides })
  return { handler, eventStore, readModels, service }
}

const get = async (handler: { fetch: (request: Request) => Promise<Response> }, path: string) => readResponse(await handler.fetch(new Request(`http://kerjasama.test${path}`)))

describe('createKerjasamaHandler', () => {
  it('refuses options it cannot work with at start-up, naming each, in both languages', () => {
    const { service, readModels } = handlerWith()
    const attempt = (options: unknown) => () => createKerjasamaHandler(options as KerjasamaHandlerOptions)
    expect(attempt({ service, readModels })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'authenticate' })] }))
    expect(attempt({ service, readModels, authenticate: () => undefined, maxBodyBytes: 10 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(attempt({ service, readModels, authenticate: () => undefined, basePath: '/kerjasama/' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(attempt({ service, readModels, authenticate: () => undefined, watchlistPolicy: { actionStartWithinDays: -1 } })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(attempt({ service, readModels, authenticate: () => undefined, maxBodyByte: 2048 })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'maxBodyByte', code: 'FIELD_UNKNOWN' })] }))
  })

  it('without a runner, waitFor and the status are 501 RUNNER_NOT_CONFIGURED; reads without waitFor still answer', async () => {
    const { handler } = handlerWith()
    expect(await get(handler, '/api/register?waitFor=1')).toMatchObject({ status: 501, body: { code: 'RUNNER_NOT_CONFIGURED' } })
    expect(await get(handler, '/api/projections/status')).toMatchObject({ status: 501, body: { code: 'RUNNER_NOT_CONFIGURED' } })
    expect(await get(handler, '/api/register')).toMatchObject({ status: 200, body: { items: [] } })
  })

  it('waitFor past what the read models reach within timeoutMs is 503 PROJECTION_CATCH_UP_TIMEOUT with Retry-After', async () => {
    const { eventStore, readModels } = memoryStores()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [...builtInProjections] })
    const service = createAgreementService({ store: eventStore })
    const handler = createKerjasamaHandler({ service, readModels, runner, authenticate: () => officers.tkksd })
    const response = await get(handler, '/api/register?waitFor=99&timeoutMs=20')
    expect(response).toMatchObject({ status: 503, body: { code: 'PROJECTION_CATCH_UP_TIMEOUT', violations: [{ details: { position: '99', timeoutMs: 20 } }] } })
    expect(response.headers.get('retry-after')).toBe('1')
    expect(await get(handler, '/api/register?waitFor=1.5')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } })
    expect(await get(handler, '/api/register?waitFor=1&timeoutMs=30001')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } })
  })

  it('an unexpected error is 500 INTERNAL_ERROR telling nothing of it, and goes to onUnexpectedError', async () => {
    const seen: unknown[] = []
    const failing = { ...handlerWith().service, history: async () => { throw new Error('connection to 10.0.0.7 refused') } } as AgreementService
    const { handler } = handlerWith({ service: failing, onUnexpectedError: (error) => seen.push(error) })
    const response = await get(handler, '/api/agreements/a-1')
    expect(response).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR', violations: [] } })
    expect(response.text).not.toContain('10.0.0.7')
    expect(seen).toEqual([expect.objectContaining({ message: 'connection to 10.0.0.7 refused' })])
  })

  it('a store that is down is 503 STORE_UNAVAILABLE with Retry-After, and is not reported as unexpected', async () => {
    const seen: unknown[] = []
    const down = { ...handlerWith().service, history: async () => { throw new StoreUnavailable('readStream') } } as AgreementService
    const { handler } = handlerWith({ service: down, onUnexpectedError: (error) => seen.push(error) })
    const response = await get(handler, '/api/agreements/a-1')
    expect(response).toMatchObject({ status: 503, body: { code: 'STORE_UNAVAILABLE' } })
    expect(response.headers.get('retry-after')).toBe('2')
    expect(seen).toEqual([])
  })

  it('an authenticate that returns a malformed actor is the app’s fault: 500, never a 400 blaming the request', async () => {
    const seen: unknown[] = []
    const { handler } = handlerWith({ onUnexpectedError: (error) => seen.push(error) }, { id: 'x', role: 'bupati', actsFor: '33.05' } as unknown as Actor)
    expect(await get(handler, '/api/register')).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR' } })
    expect(seen).toEqual([expect.objectContaining({ code: 'AUTHENTICATE_RESULT_INVALID' })])
  })

  it('serves under basePath, and the OpenAPI document names its paths there', async () => {
    const { handler } = handlerWith({ basePath: '/kerjasama' })
    expect(await get(handler, '/kerjasama/api/register')).toMatchObject({ status: 200 })
    expect((await get(handler, '/api/register')).status).toBe(404)
    const document = (await get(handler, '/kerjasama/api/openapi.json')).body as { paths: Record<string, unknown> }
    expect(Object.keys(document.paths)).toContain('/kerjasama/api/agreements/{id}')
  })

  it('the dashboard seam adds pages beside the API; the API keeps its own errors and 404s', async () => {
    const { handler } = handlerWith({
      basePath: '/kerjasama',
      dashboard: (app: Hono, context) => {
        app.get(`${context.basePath}/`, (c) => c.text(`dashboard for ${context.tenant}`))
        app.notFound((c) => c.text('page not found', 404))
      },
      eventStore: { tenant: '33.05' },
    })
    expect(await get(handler, '/kerjasama/')).toMatchObject({ status: 200, text: 'dashboard for 33.05' })
    expect(await get(handler, '/kerjasama/elsewhere')).toMatchObject({ status: 404, text: 'page not found' })
    expect(await get(handler, '/kerjasama/api/elsewhere')).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } })
    const wrongMethod = await handler.fetch(new Request('http://localhost/kerjasama/api/agreements/a-1', { method: 'DELETE' }))
    expect({ status: wrongMethod.status, allow: wrongMethod.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, HEAD' })
  })

  it('the Hono app mounts in another Hono app as it is', async () => {
    const { handler } = handlerWith()
    const parent = new Hono()
    parent.get('/health', (c) => c.text('ok'))
    parent.route('/', handler.app)
    expect(await get(parent as unknown as { fetch: (request: Request) => Promise<Response> }, '/health')).toMatchObject({ text: 'ok' })
    expect(await get(parent as unknown as { fetch: (request: Request) => Promise<Response> }, '/api/agreements/none')).toMatchObject({ status: 404, body: { code: 'AGREEMENT_NOT_FOUND' } })
  })
})
