import { describe, expect, it } from 'vitest'
import { actorFor } from '@kerjasama/core/testing'
import { apiSpecification } from '../../src/testing'
import { problemSchema, writeResultSchema } from '../../src/openapi/apiSchemas'
import { memoryStores } from '../support/stores'
import { givenUntil, officers, stepOf } from '../support/lifecycle'

const spec = apiSpecification({ stores: memoryStores })

/** The step's command as a body for its agreement's commands route: the path names the agreement. */
function bodyOf(label: string, agreementId = 'a-1'): Record<string, unknown> {
  const { agreementId: _id, ...command } = stepOf(agreementId, label).command as Record<string, unknown>
  return command
}

const identifyBody = (): Record<string, unknown> => {
  const { type: _type, ...body } = bodyOf('identify')
  return body
}

describe('POST /api/agreements', () => {
  it('records an IdentifyCooperation, 201 with Location, ETag W/"1" and the position as a string', async () => {
    const response = await spec
      .given()
      .when({ method: 'POST', path: '/api/agreements', as: officers.opd, body: identifyBody() })
      .then({ status: 201, headers: { etag: 'W/"1"', location: /^\/api\/agreements\/.+/ }, body: { version: 1, position: '1', duplicate: false } })
    const result = writeResultSchema.parse(response.body)
    expect(response.headers.get('location')).toBe(`/api/agreements/${result.agreementId}`)
    expect(result.events.map((event) => event.type)).toEqual(['CooperationIdentified'])
  })

  it('a body with another command type is 400 naming `type`', async () => {
    const response = await spec
      .given()
      .when({ method: 'POST', path: '/api/agreements', as: officers.opd, body: { ...identifyBody(), type: 'SendOffer' } })
      .then({ status: 400, problem: 'VALIDATION_FAILED' })
    expect(problemSchema.parse(response.body).violations.map((violation) => violation.details?.path)).toContain('type')
  })

  it('a misspelt field is 400 FIELD_UNKNOWN naming it, not silently dropped', async () => {
    const response = await spec
      .given()
      .when({ method: 'POST', path: '/api/agreements', as: officers.opd, body: { ...identifyBody(), potensi: 'Gula merah' } })
      .then({ status: 400, problem: 'VALIDATION_FAILED' })
    expect(problemSchema.parse(response.body).violations).toEqual([expect.objectContaining({ code: 'FIELD_UNKNOWN', details: { path: 'potensi' } })])
  })

  it('a body that is not JSON is 400 BODY_NOT_JSON; one that is not UTF-8 too', async () => {
    await spec.given().when({ method: 'POST', path: '/api/agreements', as: officers.opd, headers: { 'content-type': 'application/json' }, body: '{"kind": "KSDPK",' }).then({ status: 400, problem: 'BODY_NOT_JSON' })
    await spec
      .given()
      // {"object":"<0xff>"}: JSON but for one byte that is no UTF-8; decoding it leniently would record U+FFFD in a legal record.
      .when({ method: 'POST', path: '/api/agreements', as: officers.opd, headers: { 'content-type': 'application/json' }, body: new Uint8Array([...Buffer.from('{"object":"'), 0xff, ...Buffer.from('"}')]) })
      .then({ status: 400, problem: 'BODY_NOT_JSON' })
  })

  it('a body declared as anything but JSON, or not declared, is 415', async () => {
    const body = JSON.stringify(identifyBody())
    await spec.given().when({ method: 'POST', path: '/api/agreements', as: officers.opd, headers: { 'content-type': 'text/plain' }, body }).then({ status: 415, problem: 'UNSUPPORTED_MEDIA_TYPE' })
    await spec.given().when({ method: 'POST', path: '/api/agreements', as: officers.opd, body }).then({ status: 415, problem: 'UNSUPPORTED_MEDIA_TYPE' })
    await spec.given().when({ method: 'POST', path: '/api/agreements', as: officers.opd, headers: { 'content-type': 'application/json; charset=latin1' }, body }).then({ status: 415, problem: 'UNSUPPORTED_MEDIA_TYPE' })
  })

  it('a misspelt query parameter on a write is 400 too, before anything is decided', async () => {
    await spec.given().when({ method: 'POST', path: '/api/agreements?lnag=en', as: officers.opd, body: identifyBody() }).then({ status: 400, problem: 'VALIDATION_FAILED', body: { violations: [{ code: 'FIELD_UNKNOWN', details: { path: 'lnag' } }] } })
  })

  it('a body over maxBodyBytes is 413 and nothing is recorded', async () => {
    const small = apiSpecification({ stores: memoryStores, handler: { maxBodyBytes: 2048 } })
    await small
      .given()
      .when({ method: 'POST', path: '/api/agreements', as: officers.opd, body: { ...identifyBody(), object: 'x'.repeat(4096) } })
      .then(async (response, scenario) => {
        expect(response.status).toBe(413)
        expect(response.body).toMatchObject({ code: 'BODY_TOO_LARGE', violations: [{ details: { limit: 2048 } }] })
        const events: unknown[] = []
        for await (const event of scenario.stores.eventStore.readAll()) events.push(event)
        expect(events).toEqual([])
      })
  })

  it('the same Idempotency-Key and body answers the first result, marked replayed, and writes nothing new', async () => {
    const identify = stepOf('a-1', 'identify')
    await spec
      .given({ command: identify.command, actor: identify.actor, idempotencyKey: 'form-17' })
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: identify.actor, headers: { 'idempotency-key': '"form-17"' }, body: bodyOf('identify') })
      .then({ status: 201, headers: { 'idempotent-replayed': 'true', etag: 'W/"1"' }, body: { agreementId: 'a-1', version: 1, duplicate: true } })
  })

  it('the same Idempotency-Key with another body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const identify = stepOf('a-1', 'identify')
    await spec
      .given({ command: identify.command, actor: identify.actor, idempotencyKey: 'form-17' })
      .when({ method: 'POST', path: '/api/agreements', as: identify.actor, headers: { 'idempotency-key': 'form-17' }, body: { ...identifyBody(), object: 'Sesuatu yang lain' } })
      .then({ status: 422, problem: 'IDEMPOTENCY_KEY_REUSED', body: { violations: [{ code: 'IDEMPOTENCY_KEY_REUSED', details: { idempotencyKey: 'form-17' } }] } })
  })

  for (const [name, key] of [['empty', ''], ['with a space', 'form 17'], ['two headers joined by fetch', 'a, b'], ['unbalanced quote', '"form-17'], ['too long', 'k'.repeat(201)], ['non-ASCII', 'formulir-é']] as const) {
    it(`an Idempotency-Key ${name} is 400 IDEMPOTENCY_KEY_MALFORMED`, async () => {
      await spec.given().when({ method: 'POST', path: '/api/agreements', as: officers.opd, headers: { 'idempotency-key': key }, body: identifyBody() }).then({ status: 400, problem: 'IDEMPOTENCY_KEY_MALFORMED' })
    })
  }

  it('an agreement of a region this store does not serve is 403 AGREEMENT_OUTSIDE_TENANT', async () => {
    const purworejo = actorFor('opd', 'opd-purworejo', '33.06')
    await spec
      .given()
      .when({ method: 'POST', path: '/api/agreements', as: purworejo, body: { ...identifyBody(), initiatingRegion: '33.06' } })
      .then({ status: 403, problem: 'AGREEMENT_OUTSIDE_TENANT' })
  })
})

describe('POST /api/agreements/:id/commands', () => {
  it('issues the next step: 200, the new version as ETag', async () => {
    const map = stepOf('a-1', 'map')
    await spec
      .given(...givenUntil('a-1', 'map'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: map.actor, body: bodyOf('map'), at: map.at })
      .then({ status: 200, headers: { etag: 'W/"2"' }, body: { agreementId: 'a-1', version: 2, events: [{ type: 'AffairsMapped', version: 2 }] } })
  })

  it('a command to an agreement that does not exist is 404 AGREEMENT_NOT_FOUND', async () => {
    await spec.given().when({ method: 'POST', path: '/api/agreements/nothing/commands', as: officers.opd, body: bodyOf('map') }).then({ status: 404, problem: 'AGREEMENT_NOT_FOUND' })
  })

  it('a body naming another agreement is 400, never redirected to it', async () => {
    await spec
      .given(...givenUntil('a-1', 'map'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.opd, body: { ...bodyOf('map'), agreementId: 'a-2' } })
      .then({ status: 400, problem: 'VALIDATION_FAILED', body: { violations: [{ details: { path: 'agreementId' } }] } })
  })

  it('a body without `type` is 400; an array body is 400', async () => {
    const { type: _type, ...untyped } = bodyOf('map')
    await spec.given(...givenUntil('a-1', 'map')).when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.opd, body: untyped }).then({ status: 400, problem: 'VALIDATION_FAILED' })
    await spec.given(...givenUntil('a-1', 'map')).when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.opd, body: [bodyOf('map')] }).then({ status: 400, problem: 'VALIDATION_FAILED' })
  })

  it('a step the rules refuse is 422 GUARD_VIOLATION with every violation, and nothing is written', async () => {
    const offer = stepOf('a-1', 'offer')
    const response = await spec
      .given(...givenUntil('a-1', 'assess'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: offer.actor, body: bodyOf('offer'), at: offer.at })
      .then({ status: 422, problem: 'GUARD_VIOLATION' })
    const problem = problemSchema.parse(response.body)
    expect(problem.type).toBe('https://kerjasama.dev/problems/guard-violation')
    expect(problem.violations.length).toBeGreaterThan(0)
    expect(problem.violations.every((violation) => violation.basis.source.length > 0)).toBe(true)
  })

  it('a role the command table refuses is 403 NOT_AUTHORIZED', async () => {
    await spec
      .given(...givenUntil('a-1', 'offer'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.opd, body: bodyOf('offer') })
      .then({ status: 403, problem: 'NOT_AUTHORIZED', body: { violations: [{ code: 'ROLE_NOT_ALLOWED' }] } })
  })

  it('the right role acting for another region is 403 ACTOR_NOT_OF_INITIATING_REGION', async () => {
    const bupatiPurworejo = actorFor('kepala-daerah', 'bupati-purworejo', '33.06')
    await spec
      .given(...givenUntil('a-1', 'offer'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: bupatiPurworejo, body: bodyOf('offer') })
      .then({ status: 403, problem: 'ACTOR_NOT_OF_INITIATING_REGION', body: { type: 'https://kerjasama.dev/problems/actor-not-of-initiating-region' } })
  })

  it('a partner answering another partner’s offer is 403 ACTOR_NOT_OF_PARTY', async () => {
    const otherPartner = actorFor('partner', 'mitra-lain', 'koperasi-lain')
    await spec
      .given(...givenUntil('a-1', 'accept-koperasi-gula-kelapa'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: otherPartner, body: bodyOf('accept-koperasi-gula-kelapa') })
      .then({ status: 403, problem: 'ACTOR_NOT_OF_PARTY' })
  })

  it('If-Match at the current version writes; a stale one is 412 and writes nothing', async () => {
    const map = stepOf('a-1', 'map')
    await spec
      .given(...givenUntil('a-1', 'map'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: map.actor, headers: { 'if-match': 'W/"1"' }, body: bodyOf('map') })
      .then({ status: 200, headers: { etag: 'W/"2"' } })
    await spec
      .given(...givenUntil('a-1', 'assess'))
      .when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.tkksd, headers: { 'if-match': 'W/"1"' }, body: bodyOf('assess') })
      .then(async (response, scenario) => {
        expect(response.status).toBe(412)
        expect(response.body).toMatchObject({ code: 'PRECONDITION_FAILED', violations: [{ details: { agreementId: 'a-1', expectedVersion: 1, actualVersion: 2 } }] })
        expect(await scenario.handler.context.service.history('a-1')).toHaveLength(2)
      })
  })

  it('If-Match: * asks only that the agreement exists; a list or a malformed tag is 400', async () => {
    await spec.given(...givenUntil('a-1', 'map')).when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.opd, headers: { 'if-match': '*' }, body: bodyOf('map') }).then({ status: 200 })
    for (const ifMatch of ['W/"1", W/"2"', '1', 'W/"01"', 'W/"-1"']) {
      await spec.given(...givenUntil('a-1', 'map')).when({ method: 'POST', path: '/api/agreements/a-1/commands', as: officers.opd, headers: { 'if-match': ifMatch }, body: bodyOf('map') }).then({ status: 400, problem: 'IF_MATCH_MALFORMED' })
    }
  })
})
