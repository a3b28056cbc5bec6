import contentDisposition from 'content-disposition'
import { describe, expect, it } from 'vitest'
import { apiSpecification } from '../../src/testing'
import {
  agreementSchema, deadlinesSchema, historySchema, matrixSchema, potentialsSchema, projectionStatusSchema, registerPageSchema, semesterReportSchema, timelineSchema, watchlistSchema,
} from '../../src/openapi/apiSchemas'
import { memoryStores } from '../support/stores'
import { givenUntil, instantOf, officers } from '../support/lifecycle'
import type { GivenStep } from '../../src/testing'

const spec = apiSpecification({ stores: memoryStores })
const as = officers.tkksd

/** Three agreements: one carried through to monev, one stopped after signing, one only identified (sorted by the clock). */
function threeAgreements(): GivenStep[] {
  const steps = [...givenUntil('gula-merah', undefined), ...givenUntil('toko-daring', 'start action'), ...givenUntil('festival', 'map', 'KSDD-sukarela')]
  return steps.sort((a, b) => String(a.at).localeCompare(String(b.at)))
}

describe('GET /api/agreements/:id', () => {
  it('answers the state and version with the version as ETag', async () => {
    const response = await spec.given(...givenUntil('a-1', 'assess')).when({ path: '/api/agreements/a-1', as }).then({ status: 200, headers: { etag: 'W/"2"' }, body: { agreementId: 'a-1', version: 2, state: { status: 'mapped' } } })
    agreementSchema.parse(response.body)
  })

  it('If-None-Match with the current ETag is 304 without a body; with an old one the agreement', async () => {
    const response = await spec.given(...givenUntil('a-1', 'assess')).when({ path: '/api/agreements/a-1', as, headers: { 'if-none-match': 'W/"2"' } }).then({ status: 304, headers: { etag: 'W/"2"' } })
    expect(response.text).toBe('')
    await spec.given(...givenUntil('a-1', 'assess')).when({ path: '/api/agreements/a-1', as, headers: { 'if-none-match': 'W/"1"' } }).then({ status: 200 })
  })

  it('an unknown agreement is 404 AGREEMENT_NOT_FOUND; a 101-character id 400', async () => {
    await spec.given().when({ path: '/api/agreements/nothing', as }).then({ status: 404, problem: 'AGREEMENT_NOT_FOUND' })
    await spec.given().when({ path: `/api/agreements/${'x'.repeat(101)}`, as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })

  it('without an actor every route but the OpenAPI document is 401 with a WWW-Authenticate challenge', async () => {
    for (const path of ['/api/agreements/a-1', '/api/register', '/api/watchlist', '/api/projections/status', '/api/no-such-route']) {
      await spec.given().when({ path }).then({ status: 401, problem: 'NOT_AUTHENTICATED', headers: { 'www-authenticate': 'Bearer realm="kerjasama"' } })
    }
    await spec.given().when({ method: 'POST', path: '/api/agreements', body: {} }).then({ status: 401, problem: 'NOT_AUTHENTICATED' })
    await spec.given().when({ path: '/api/openapi.json' }).then({ status: 200, body: { openapi: '3.1.0' } })
  })
})

describe('history and timeline', () => {
  it('history: every stored event in version order, positions as strings', async () => {
    const response = await spec.given(...givenUntil('a-1', 'offer')).when({ path: '/api/agreements/a-1/history', as }).then({ status: 200, headers: { etag: 'W/"3"' } })
    const history = historySchema.parse(response.body)
    expect(history.events.map((event) => [event.version, event.position])).toEqual([[1, '1'], [2, '2'], [3, '3']])
  })

  it('history: If-None-Match with its ETag is 304 without a body, as for the agreement', async () => {
    const response = await spec.given(...givenUntil('a-1', 'offer')).when({ path: '/api/agreements/a-1/history', as, headers: { 'if-none-match': 'W/"3"' } }).then({ status: 304, headers: { etag: 'W/"3"' } })
    expect(response.text).toBe('')
    await spec.given(...givenUntil('a-1', 'offer')).when({ path: '/api/agreements/a-1/history', as, headers: { 'if-none-match': 'W/"2"' } }).then({ status: 200, headers: { etag: 'W/"3"' } })
  })

  it('timeline: what happened, in both languages; 404 for an agreement the read model does not know', async () => {
    const response = await spec.given(...givenUntil('a-1', 'offer')).when({ path: '/api/agreements/a-1/timeline', as }).then({ status: 200, body: { agreementId: 'a-1', tenant: '33.05' } })
    expect(timelineSchema.parse(response.body).entries.map((entry) => entry.type)).toEqual(['CooperationIdentified', 'AffairsMapped', 'FeasibilityAssessed'])
    await spec.given().when({ path: '/api/agreements/nothing/timeline', as }).then({ status: 404, problem: 'AGREEMENT_NOT_FOUND' })
  })
})

describe('GET /api/register', () => {
  it('pages with limit and the next cursor, newest identification first', async () => {
    const first = await spec.given(...threeAgreements()).when({ path: '/api/register?limit=2', as }).then({ status: 200 })
    const page = registerPageSchema.parse(first.body)
    expect(page.items).toHaveLength(2)
    expect(page.next).toBeDefined()
    await spec
      .given(...threeAgreements())
      .when({ path: `/api/register?limit=2&after=${encodeURIComponent(page.next!)}`, as })
      .then((response) => {
        const rest = registerPageSchema.parse(response.body)
        expect(rest.next).toBeUndefined()
        expect([...page.items, ...rest.items].map((item) => item.agreementId).sort()).toEqual(['festival', 'gula-merah', 'toko-daring'])
      })
  })

  it('filters by stage, region and kind', async () => {
    await spec.given(...threeAgreements()).when({ path: '/api/register?stage=signed', as }).then({ status: 200, body: { items: [{ agreementId: 'toko-daring' }] } })
    await spec.given(...threeAgreements()).when({ path: '/api/register?kind=KSDD-sukarela&region=33.06', as }).then({ status: 200, body: { items: [{ agreementId: 'festival' }] } })
  })

  it('a misspelt or repeated parameter is 400, never an unfiltered register', async () => {
    await spec.given().when({ path: '/api/register?regoin=33.05', as }).then({ status: 400, problem: 'VALIDATION_FAILED', body: { violations: [{ code: 'FIELD_UNKNOWN' }] } })
    await spec.given().when({ path: '/api/register?region=33.05&region=33.06', as }).then({ status: 400, problem: 'VALIDATION_FAILED', body: { violations: [{ code: 'FIELD_REPEATED', details: { path: 'region' } }] } })
    await spec.given().when({ path: '/api/register?limit=lots', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
    await spec.given().when({ path: '/api/register?limit=501', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })

  it('__proto__ is a misspelt parameter like any other: 400, never an unfiltered register', async () => {
    await spec.given(...threeAgreements()).when({ path: '/api/register?__proto__=33.05', as }).then({ status: 400, problem: 'VALIDATION_FAILED', body: { violations: [{ code: 'FIELD_UNKNOWN' }] } })
    await spec.given(...threeAgreements()).when({ path: '/api/register?__proto__=a&__proto__=b', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })

  it('a cursor that is not one is 400 STORE_INPUT_INVALID', async () => {
    await spec.given(...threeAgreements()).when({ path: '/api/register?after=not-a-cursor', as }).then({ status: 400, problem: 'STORE_INPUT_INVALID' })
  })
})

describe('watchlist and deadlines are judged with the clock at request time', () => {
  it('an action not started by its due day is on the watchlist after that day, not on the day of signing', async () => {
    const later = await spec.given(...givenUntil('toko-daring', 'start action')).when({ path: '/api/watchlist?region=33.05', as, at: instantOf(150) }).then({ status: 200, body: { asOf: instantOf(150) } })
    expect(watchlistSchema.parse(later.body).items.map((item) => item.code)).toEqual(['ACTION_OVERDUE'])
    await spec.given(...givenUntil('toko-daring', 'start action')).when({ path: '/api/watchlist', as, at: instantOf(60) }).then({ status: 200, body: { items: [] } })
  })

  it('the handler’s watchlistPolicy sets the thresholds: ten days to start an action', async () => {
    const strict = apiSpecification({ stores: memoryStores, handler: { watchlistPolicy: { actionStartWithinDays: 10 } } })
    const response = await strict.given(...givenUntil('toko-daring', 'start action')).when({ path: '/api/watchlist', as, at: instantOf(80) }).then({ status: 200 })
    expect(watchlistSchema.parse(response.body).items.map((item) => item.code)).toEqual(['NO_ACTION_STARTED'])
  })

  it('deadlines: the first action falls due within the days asked, from the clock’s today', async () => {
    const response = await spec.given(...givenUntil('toko-daring', 'start action')).when({ path: '/api/deadlines?days=40&kind=action', as, at: instantOf(61) }).then({ status: 200, body: { asOf: instantOf(61) } })
    expect(deadlinesSchema.parse(response.body).items.map((item) => [item.agreementId, item.kind])).toEqual([['toko-daring', 'action']])
    const tooFew = await spec.given(...givenUntil('toko-daring', 'start action')).when({ path: '/api/deadlines?days=5', as, at: instantOf(61) }).then({ status: 200 })
    expect(deadlinesSchema.parse(tooFew.body).items).toEqual([])
  })
})

describe('matrix, potentials, report, status', () => {
  it('the urusan matrix of a region and of its province', async () => {
    const region = await spec.given(...threeAgreements()).when({ path: '/api/matrix?region=33.05', as }).then({ status: 200 })
    expect(matrixSchema.parse(region.body).rows.map((row) => row.region)).toEqual(['33.05'])
    const province = await spec.given(...threeAgreements()).when({ path: '/api/matrix?province=33', as }).then({ status: 200 })
    expect(matrixSchema.parse(province.body).urusan.length).toBeGreaterThan(0)
    await spec.given().when({ path: '/api/matrix?province=3', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })

  it('potentials', async () => {
    const response = await spec.given(...threeAgreements()).when({ path: '/api/potentials?region=33.05', as }).then({ status: 200 })
    potentialsSchema.parse(response.body)
  })

  it('the semester report as JSON, and as CSV with the columns in the request’s language', async () => {
    const json = await spec.given(...threeAgreements()).when({ path: '/api/reports/semester/2022-1?region=33.05', as }).then({ status: 200, body: { semester: '2022-1', from: '2022-01-01', to: '2022-06-30' } })
    expect(semesterReportSchema.parse(json.body).rows.map((row) => row.region)).toEqual(['33.05'])
    const csv = await spec
      .given(...threeAgreements())
      .when({ path: '/api/reports/semester/2022-1?format=csv', as })
      .then({ status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="laporan-semester-2022-1.csv"' } })
    expect(csv.text.startsWith('\uFEFFsemester,kode_wilayah,')).toBe(true)
    expect(csv.text).toContain('\r\n2022-1,33.05,')
    const english = await spec.given(...threeAgreements()).when({ path: '/api/reports/semester/2022-1?format=csv&region=33.05', as, headers: { 'accept-language': 'en-GB,en;q=0.8' } }).then({ status: 200, headers: { 'content-disposition': 'attachment; filename="semester-report-2022-1-33.05.csv"' } })
    expect(english.text.startsWith('\uFEFFsemester,region_code,')).toBe(true)
    await spec.given().when({ path: '/api/reports/semester/2022-3', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
    await spec.given().when({ path: '/api/reports/semester/2022-1?format=xlsx', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })

  it('the CSV’s file name keeps a header of one line whatever region is asked: a quote, CR LF, a Javanese name or a path', async () => {
    for (const [region, named] of [['a"b', 'a"b'], ['a\r\nb', 'a\r\nb'], ['ꦏꦼꦧꦸ', 'ꦏꦼꦧꦸ'], ['../33\\05', '.._33_05']]) {
      const response = await spec.given(...threeAgreements()).when({ path: `/api/reports/semester/2022-1?format=csv&region=${encodeURIComponent(region as string)}`, as }).then({ status: 200 })
      const header = response.headers.get('content-disposition') ?? ''
      expect(header).not.toMatch(/[\r\n]/)
      expect(contentDisposition.parse(header)).toEqual({ type: 'attachment', parameters: { filename: `laporan-semester-2022-1-${named}.csv` } })
    }
  })

  it('the projections’ status, with checkpoints, heads and lags as strings', async () => {
    const response = await spec.given(...givenUntil('a-1', 'offer')).when({ path: '/api/projections/status', as }).then({ status: 200 })
    const status = projectionStatusSchema.parse(response.body)
    expect(status.projections.length).toBeGreaterThan(0)
    expect(status.projections.every((projection) => projection.checkpoint === '3')).toBe(true)
  })
})

describe('routes, languages', () => {
  it('an unknown /api path is a 404 problem naming it', async () => {
    await spec.given().when({ path: '/api/registry', as }).then({ status: 404, problem: 'ROUTE_NOT_FOUND', body: { violations: [{ details: { method: 'GET', path: '/api/registry' } }] } })
    await spec.given().when({ method: 'DELETE', path: '/api/agreements/a-1/signatures', as }).then({ status: 404, problem: 'ROUTE_NOT_FOUND' })
  })

  it('a known path asked with a method it does not serve is a 405 problem, with Allow naming the methods it does', async () => {
    await spec.given().when({ method: 'DELETE', path: '/api/agreements/a-1', as }).then({
      status: 405,
      problem: 'METHOD_NOT_ALLOWED',
      headers: { allow: 'GET, HEAD' },
      body: { violations: [{ details: { method: 'DELETE', path: '/api/agreements/a-1', allowed: ['GET', 'HEAD'] } }] },
    })
    await spec.given().when({ method: 'PUT', path: '/api/agreements', as }).then({ status: 405, problem: 'METHOD_NOT_ALLOWED', headers: { allow: 'POST' } })
    await spec.given().when({ method: 'GET', path: '/api/agreements/a-1/commands', as }).then({ status: 405, headers: { allow: 'POST' } })
  })

  it('a route’s path with a slash after it is an unknown path (404), not a 405 refusing the very method it allows', async () => {
    await spec.given().when({ path: '/api/register/', as }).then({ status: 404, problem: 'ROUTE_NOT_FOUND' })
    await spec.given().when({ path: '/api/agreements/a-1/', as }).then({ status: 404, problem: 'ROUTE_NOT_FOUND' })
    await spec.given().when({ method: 'POST', path: '/api/agreements/', as, body: {} }).then({ status: 404, problem: 'ROUTE_NOT_FOUND' })
  })

  it('problem titles and details in Bahasa Indonesia by default, English by Accept-Language or ?lang=en; both always present', async () => {
    const indonesian = await spec.given().when({ path: '/api/agreements/nothing', as }).then({ status: 404, headers: { 'content-language': 'id' }, body: { title: 'Kerja sama tidak ditemukan', title_en: 'Agreement not found' } })
    expect((indonesian.body as { detail: string }).detail).toBe((indonesian.body as { detail_id: string }).detail_id)
    await spec.given().when({ path: '/api/agreements/nothing', as, headers: { 'accept-language': 'en-US,en;q=0.9,id;q=0.5' } }).then({ status: 404, headers: { 'content-language': 'en' }, body: { title: 'Agreement not found', title_id: 'Kerja sama tidak ditemukan' } })
    await spec.given().when({ path: '/api/agreements/nothing?lang=en', as, headers: { 'accept-language': 'id' } }).then({ status: 404, body: { title: 'Agreement not found' } })
    await spec.given().when({ path: '/api/agreements/nothing?lang=fr', as }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })
})
