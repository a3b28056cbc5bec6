import { describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import { createKerjasamaHandler } from '../../src'
import type { KerjasamaHandlerOptions } from '../../src'
import { officers } from '../support/lifecycle'
import { memoryStores } from '../support/stores'

const SIKERJA = 'https://sikerja.kebumenkab.go.id'

function handlerWith(overrides: Partial<KerjasamaHandlerOptions>, onAuthenticate: () => Actor | undefined = () => officers.tkksd) {
  const { eventStore, readModels } = memoryStores()
  const service = createAgreementService({ store: eventStore, clock: testClock() })
  return createKerjasamaHandler({ service, readModels, eventStore, authenticate: onAuthenticate, ...overrides })
}

const preflight = (origin: string, method = 'POST', headers = 'authorization,content-type,idempotency-key') =>
  new Request('http://kerjasama.test/api/agreements', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } })

describe('cross-origin calls (CORS)', () => {
  it('without the option, a browser page of another origin gets no permission: no CORS headers, and a preflight is 405', async () => {
    const handler = handlerWith({})
    const answer = await handler.fetch(preflight(SIKERJA))
    expect(answer.status).toBe(405)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    const read = await handler.fetch(new Request('http://kerjasama.test/api/register', { headers: { origin: SIKERJA } }))
    expect(read.status).toBe(200)
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a listed origin\'s preflight before authentication, allowing the methods and headers the API reads', async () => {
    let authenticated = 0
    const handler = handlerWith({ cors: { origins: [SIKERJA] } }, () => ((authenticated += 1), officers.tkksd))
    const answer = await handler.fetch(preflight(SIKERJA))
    expect(answer.status).toBe(204)
    expect(authenticated).toBe(0)
    expect(answer.headers.get('access-control-allow-origin')).toBe(SIKERJA)
    expect(answer.headers.get('access-control-allow-methods')?.split(',')).toEqual(expect.arrayContaining(['GET', 'POST', 'HEAD']))
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'if-match']))
    expect(answer.headers.get('access-control-max-age')).toBe('600')
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
    expect(answer.headers.get('vary')).toContain('Origin')
  })

  it('gives a listed origin what a page needs to read an answer — an ETag, a problem document — and another origin nothing', async () => {
    const handler = handlerWith({ cors: { origins: [SIKERJA, 'http://localhost:5173'], credentials: true, maxAgeSeconds: 60 } }, () => undefined)
    const refused = await handler.fetch(new Request('http://kerjasama.test/api/register', { headers: { origin: SIKERJA } }))
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe(SIKERJA)
    expect(refused.headers.get('access-control-allow-credentials')).toBe('true')
    expect(refused.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['ETag', 'Location', 'WWW-Authenticate']))
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="kerjasama"')
    const stranger = await handler.fetch(new Request('http://kerjasama.test/api/register', { headers: { origin: 'https://evil.example' } }))
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
    const strangerPreflight = await handler.fetch(preflight('https://evil.example'))
    expect(strangerPreflight.headers.get('access-control-allow-origin')).toBeNull()
    expect((await handler.fetch(preflight('http://localhost:5173', 'GET'))).headers.get('access-control-max-age')).toBe('60')
  })

  it('a read from a listed origin carries its ETag out to the page', async () => {
    const handler = handlerWith({ cors: { origins: [SIKERJA] } })
    const created = await handler.fetch(
      new Request('http://kerjasama.test/api/agreements', {
        method: 'POST',
        headers: { origin: SIKERJA, 'content-type': 'application/json', 'idempotency-key': 'gula-merah-1' },
        body: JSON.stringify({ agreementId: 'gula-merah', kind: 'KSDPK', object: 'Pemasaran gula merah', potential: 'Gula merah Kebumen', initiatingRegion: '33.05', initiatingUnit: 'Dinas Perindustrian', partners: [{ partnerId: 'koperasi', name: 'Koperasi Gula Kelapa', kind: 'pihak-ketiga' }] }),
      }),
    )
    expect({ status: created.status, body: await created.json() }).toMatchObject({ status: 201 })
    expect(created.headers.get('etag')).not.toBeNull()
    expect(created.headers.get('access-control-allow-origin')).toBe(SIKERJA)
    expect(created.headers.get('access-control-expose-headers')).toContain('ETag')
  })

  it('refuses origins that are not exact — a wildcard, a path, a trailing slash — and a misspelt option, when the handler is made', () => {
    for (const cors of [{ origins: ['*'] }, { origins: [`${SIKERJA}/`] }, { origins: [`${SIKERJA}/api`] }, { origins: [] }, { origin: [SIKERJA] }, { origins: [SIKERJA], maxAgeSeconds: -1 }]) {
      expect(() => handlerWith({ cors } as unknown as Partial<KerjasamaHandlerOptions>)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    }
  })
})
