import { createAgreementService } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { agreementLifecycle, sequentialIds, testActors, testClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createKerjasamaHandler } from '../src'

/**
 * The request/response exchanges docs/http.md shows, made for real against
 * a handler over memory stores with a test clock and sequential ids, so the
 * same run gives the same bytes. Rendering the page runs them; the staleness
 * test renders the page, so it runs every example and fails when one answers
 * otherwise than the page says.
 */
export type Exchange = { title: string; request: string; response: string }

const SHOWN_RESPONSE_HEADERS = ['content-type', 'content-language', 'etag', 'location', 'idempotent-replayed', 'retry-after', 'www-authenticate', 'content-disposition']
const DAY_MS = 86_400_000
const START = '2022-02-22T02:00:00.000Z'

const tokens = new Map<string, Actor>([
  ['sesi-opd', testActors.opd],
  ['sesi-tkksd', testActors.tkksd],
  ['sesi-bupati', testActors['kepala-daerah']],
])
const tokenOf = (actor: Actor): string => [...tokens].find(([, candidate]) => candidate === actor)?.[0] ?? 'unknown'

export async function runExamples(): Promise<Exchange[]> {
  const database = createMemoryDatabase()
  const eventStore = openMemoryStore({ database, tenant: '33.05' })
  const readModels = openMemoryReadModelStore({ database, tenant: '33.05' })
  const clock = testClock(START)
  const service = createAgreementService({ store: eventStore, clock, ids: sequentialIds('doc') })
  const runner = createProjectionRunner({ eventStore, readModels, projections: [...builtInProjections], clock, holderId: 'docs', pollIntervalMs: 10 })
  const kerjasama = createKerjasamaHandler({
    service,
    readModels,
    runner,
    eventStore,
    clock,
    authenticate: (request) => tokens.get(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''),
  })
  await runner.start()
  const exchanges: Exchange[] = []
  const exchange = async (title: string, method: string, path: string, options: { as?: Actor; headers?: Record<string, string>; json?: unknown; raw?: string } = {}): Promise<unknown> => {
    const headers: Record<string, string> = { ...(options.as === undefined ? {} : { authorization: `Bearer ${tokenOf(options.as)}` }), ...options.headers }
    const body = options.json !== undefined ? JSON.stringify(options.json, null, 2) : options.raw
    if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json'
    const response = await kerjasama.fetch(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) }))
    const text = await response.text()
    const parsed: unknown = /json/.test(response.headers.get('content-type') ?? '') && text !== '' ? JSON.parse(text) : undefined
    exchanges.push({
      title,
      request: [`${method} ${path} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${headerName(name)}: ${value}`), ...(body === undefined ? [] : ['', body])].join('\n'),
      response: [
        `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trimEnd(),
        ...SHOWN_RESPONSE_HEADERS.flatMap((name) => (response.headers.has(name) ? [`${headerName(name)}: ${response.headers.get(name)}`] : [])),
        // The CSV's byte-order mark and CRLF line ends are real; the page shows its lines as lines.
        ...(text === '' ? [] : ['', parsed === undefined ? text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').trimEnd() : JSON.stringify(parsed, null, 2)]),
      ].join('\n'),
    })
    return parsed
  }
  try {
    const steps = agreementLifecycle('KSDPK', { agreementId: 'gula-merah', start: START })
    const bodyOf = (label: string): Record<string, unknown> => {
      const { agreementId: _id, ...command } = steps.find((step) => step.label === label)!.command as Record<string, unknown>
      return command
    }
    const { type: _type, ...identification } = bodyOf('identify')

    const created = (await exchange('Identify a cooperation (an opd officer)', 'POST', '/api/agreements', { as: testActors.opd, headers: { 'idempotency-key': 'form-identify-001' }, json: identification })) as { agreementId: string }
    const id = created.agreementId
    await exchange('Read it: state, version, ETag', 'GET', `/api/agreements/${id}`, { as: testActors.tkksd })
    clock.set(new Date(Date.parse(START) + 7 * DAY_MS))
    const mapped = (await exchange('Map the urusan, on the version read (If-Match)', 'POST', `/api/agreements/${id}/commands`, { as: testActors.opd, headers: { 'if-match': 'W/"1"' }, json: bodyOf('map') })) as { position: string }
    await exchange('The same If-Match again: the version has moved on, nothing is written', 'POST', `/api/agreements/${id}/commands`, { as: testActors.opd, headers: { 'if-match': 'W/"1"' }, json: bodyOf('map') })
    await exchange('The register, once the read models hold that write (waitFor)', 'GET', `/api/register?region=33.05&limit=1&waitFor=${mapped.position}`, { as: testActors.tkksd })
    await exchange('A role the step is not for', 'POST', `/api/agreements/${id}/commands`, { as: testActors.opd, json: bodyOf('offer') })
    await exchange('A step the rules refuse, in English', 'POST', `/api/agreements/${id}/commands?lang=en`, { as: testActors['kepala-daerah'], json: bodyOf('offer') })
    await exchange('A body that is not JSON', 'POST', '/api/agreements', { as: testActors.opd, raw: '{"kind": "KSDPK",' })
    await exchange('No credentials', 'GET', '/api/watchlist', {})
    await exchange('The semester report as CSV (UTF-8 with a byte-order mark, CRLF line ends)', 'GET', '/api/reports/semester/2022-1?format=csv', { as: testActors.tkksd })
    return exchanges
  } finally {
    await runner.stop()
    await eventStore.close()
  }
}

function headerName(name: string): string {
  if (name === 'etag') return 'ETag'
  if (name === 'www-authenticate') return 'WWW-Authenticate'
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`)
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 412: 'Precondition Failed',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
}
