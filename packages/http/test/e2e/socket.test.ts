import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorFor } from '@kerjasama/core/testing'
import type { Actor } from '@kerjasama/core'
import { problemSchema, registerPageSchema, writeResultSchema } from '../../src/openapi/apiSchemas'
import { lifecycle, officers } from '../support/lifecycle'
import { startServer } from '../support/server'
import type { RunningServer } from '../support/server'
import { memoryStores, sqliteStores } from '../support/stores'

// Over a real socket, as a browser or another service meets the API: every
// status the API promises, bodies a client should never send, and writers racing.

type Call = { status: number; headers: Headers; body: unknown; text: string }

for (const [storeName, openStores] of [['memory', memoryStores], ['SQLite :memory:', sqliteStores]] as const) {
  describe(`over a socket, on the ${storeName} store`, () => {
    let server: RunningServer

    beforeAll(async () => {
      server = await startServer(openStores())
    })
    afterAll(async () => {
      await server.close()
    })

    async function call(method: string, path: string, options: { as?: Actor; headers?: Record<string, string>; json?: unknown; body?: string | ReadableStream<Uint8Array>; duplex?: 'half' } = {}): Promise<Call> {
      const headers = new Headers(options.headers)
      if (options.as !== undefined) headers.set('authorization', `Bearer ${server.tokenFor(options.as)}`)
      if (options.json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
      const body = options.json !== undefined ? JSON.stringify(options.json) : options.body
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }), ...(options.duplex === undefined ? {} : { duplex: options.duplex }) } as RequestInit)
      const text = await response.text()
      return { status: response.status, headers: response.headers, text, body: /json/.test(response.headers.get('content-type') ?? '') && text !== '' ? JSON.parse(text) : undefined }
    }

    /** The agreement's steps, each as the method, path and body a client sends. */
    function steps(agreementId: string) {
      return lifecycle(agreementId).map((step) => {
        const { agreementId: _id, ...command } = step.command as Record<string, unknown>
        return { ...step, body: command }
      })
    }

    async function issue(agreementId: string, label: string, headers: Record<string, string> = {}): Promise<Call> {
      const step = steps(agreementId).find((candidate) => candidate.label === label)!
      server.clock.set(step.at)
      return call('POST', `/api/agreements/${agreementId}/commands`, { as: step.actor, headers, json: step.body })
    }

    async function carry(agreementId: string, untilBefore: string): Promise<void> {
      for (const step of steps(agreementId)) {
        if (step.label === untilBefore) return
        const answer = await issue(agreementId, step.label)
        expect(answer.status, `${step.label}: ${answer.text}`).toBeLessThan(300)
      }
    }

    it('401 without credentials, with the challenge', async () => {
      const answer = await call('GET', '/api/register')
      expect(answer.status).toBe(401)
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="kerjasama"')
      expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
      expect(problemSchema.parse(answer.body).code).toBe('NOT_AUTHENTICATED')
    })

    it('201 for a new agreement, then a write answers its position and a read with waitFor sees it', async () => {
      const identify = steps('ryw')[0]!
      const created = await call('POST', '/api/agreements/ryw/commands', { as: identify.actor, json: identify.body })
      expect(created.status).toBe(201)
      for (const label of ['map', 'assess', 'offer']) {
        const written = writeResultSchema.parse((await issue('ryw', label)).body)
        const read = await call('GET', `/api/register?region=33.05&waitFor=${written.position}&timeoutMs=5000`, { as: officers.tkksd })
        expect(registerPageSchema.parse(read.body).items.find((item) => item.agreementId === 'ryw')?.version).toBe(written.version)
        const timeline = await call('GET', `/api/agreements/ryw/timeline?waitFor=${written.position}`, { as: officers.tkksd })
        expect((timeline.body as { entries: unknown[] }).entries).toHaveLength(written.version)
      }
    })

    it('403 for a role that may not, and for the right role acting for another party', async () => {
      await carry('who', 'offer')
      const wrongRole = await call('POST', '/api/agreements/who/commands', { as: officers.opd, json: steps('who').find((step) => step.label === 'offer')!.body })
      expect([wrongRole.status, (wrongRole.body as { code: string }).code]).toEqual([403, 'NOT_AUTHORIZED'])
      const otherRegion = await call('POST', '/api/agreements/who/commands', { as: actorFor('kepala-daerah', 'bupati-purworejo', '33.06'), json: steps('who').find((step) => step.label === 'offer')!.body })
      expect([otherRegion.status, (otherRegion.body as { code: string }).code]).toEqual([403, 'ACTOR_NOT_OF_INITIATING_REGION'])
      const history = await call('GET', '/api/agreements/who/history', { as: officers.tkksd })
      expect(history.headers.get('etag')).toBe('W/"3"')
    })

    it('400 for a body that is not JSON, an unknown field, a malformed Idempotency-Key', async () => {
      const notJson = await call('POST', '/api/agreements', { as: officers.opd, headers: { 'content-type': 'application/json' }, body: '{"kind": KSDPK}' })
      expect([notJson.status, (notJson.body as { code: string }).code]).toEqual([400, 'BODY_NOT_JSON'])
      const { type: _type, ...identify } = steps('bad')[0]!.body
      const unknownField = await call('POST', '/api/agreements', { as: officers.opd, json: { ...identify, mitra: [] } })
      expect([unknownField.status, problemSchema.parse(unknownField.body).violations[0]?.code]).toEqual([400, 'FIELD_UNKNOWN'])
      const badKey = await call('POST', '/api/agreements', { as: officers.opd, headers: { 'idempotency-key': 'two words' }, json: identify })
      expect([badKey.status, (badKey.body as { code: string }).code]).toEqual([400, 'IDEMPOTENCY_KEY_MALFORMED'])
    })

    it('404 for an agreement that does not exist and for a route that does not', async () => {
      expect((await call('GET', '/api/agreements/nothing', { as: officers.tkksd })).status).toBe(404)
      expect((await call('GET', '/api/nothing', { as: officers.tkksd })).body).toMatchObject({ code: 'ROUTE_NOT_FOUND' })
    })

    it('412 for a stale If-Match, and nothing is written', async () => {
      await carry('stale', 'assess')
      const answer = await issue('stale', 'assess', { 'if-match': 'W/"1"' })
      expect([answer.status, (answer.body as { code: string }).code]).toEqual([412, 'PRECONDITION_FAILED'])
      expect((await call('GET', '/api/agreements/stale', { as: officers.tkksd })).headers.get('etag')).toBe('W/"2"')
    })

    it('413 for a 10 MB body, declared by Content-Length or streamed in chunks, and nothing is written', async () => {
      const tenMegabytes = `{"object":"${'x'.repeat(10 * 1024 * 1024)}"}`
      const declared = await call('POST', '/api/agreements', { as: officers.opd, headers: { 'content-type': 'application/json' }, body: tenMegabytes })
      expect([declared.status, (declared.body as { code: string }).code]).toEqual([413, 'BODY_TOO_LARGE'])
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
      let sent = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 10 * 1024 * 1024) return controller.close()
          sent += chunk.length
          controller.enqueue(chunk)
        },
      })
      const streamed = await call('POST', '/api/agreements', { as: officers.opd, headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' })
      expect([streamed.status, (streamed.body as { code: string }).code]).toEqual([413, 'BODY_TOO_LARGE'])
      const register = await call('GET', '/api/register?limit=500', { as: officers.tkksd })
      expect(registerPageSchema.parse(register.body).items.every((item) => !item.object.startsWith('xxx'))).toBe(true)
    })

    it('415 for a body that is not declared JSON', async () => {
      const answer = await call('POST', '/api/agreements', { as: officers.opd, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=KSDPK' })
      expect([answer.status, (answer.body as { code: string }).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    })

    it('422 for a guard violation, and for an Idempotency-Key reused with another body', async () => {
      await carry('rules', 'assess')
      const offer = steps('rules').find((step) => step.label === 'offer')!
      const refused = await call('POST', '/api/agreements/rules/commands', { as: offer.actor, json: offer.body })
      expect([refused.status, (refused.body as { code: string }).code]).toEqual([422, 'GUARD_VIOLATION'])
      const assess = await issue('rules', 'assess', { 'idempotency-key': 'assess-rules' })
      expect(assess.status).toBe(200)
      const replay = await issue('rules', 'assess', { 'idempotency-key': 'assess-rules' })
      expect([replay.status, replay.headers.get('idempotent-replayed'), (replay.body as { version: number }).version]).toEqual([200, 'true', 3])
      const reused = await call('POST', '/api/agreements/rules/commands', { as: officers.tkksd, headers: { 'idempotency-key': 'assess-rules' }, json: { ...steps('rules').find((step) => step.label === 'assess')!.body, notes: 'Catatan lain' } })
      expect([reused.status, (reused.body as { code: string }).code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED'])
    })

    it('five identical writes with one Idempotency-Key at once: one event is written, every answer is its result', async () => {
      await carry('twice', 'map')
      const answers = await Promise.all(Array.from({ length: 5 }, () => issue('twice', 'map', { 'idempotency-key': 'map-twice' })))
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
      expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(4)
      expect(new Set(answers.map((answer) => writeResultSchema.parse(answer.body).events[0]?.id)).size).toBe(1)
      const history = await call('GET', '/api/agreements/twice/history', { as: officers.tkksd })
      expect((history.body as { events: unknown[] }).events).toHaveLength(2)
    })

    it('ten writers with If-Match on one version at once: exactly one wins, nine get 412, the history has one new event', async () => {
      await carry('race', 'map')
      const map = steps('race').find((step) => step.label === 'map')!
      const answers = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/api/agreements/race/commands', { as: map.actor, headers: { 'if-match': 'W/"1"' }, json: map.body })))
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(412)])
      const history = await call('GET', '/api/agreements/race/history', { as: officers.tkksd })
      expect((history.body as { events: unknown[] }).events).toHaveLength(2)
    })

    it('writers without If-Match on one agreement at once all land: four partners answering the offer together, versions gap-free', async () => {
      const partners = ['p1', 'p2', 'p3', 'p4'].map((partnerId) => ({ partnerId, name: `Mitra ${partnerId}`, kind: 'pihak-ketiga' as const }))
      const all = lifecycle('busy', 'KSDPK', { partners })
      const send = (step: (typeof all)[number]) => {
        const { agreementId: _id, ...body } = step.command as Record<string, unknown>
        server.clock.set(step.at)
        return call('POST', '/api/agreements/busy/commands', { as: step.actor, json: body })
      }
      for (const step of all.slice(0, all.findIndex((candidate) => candidate.label.startsWith('accept-')))) expect((await send(step)).status).toBeLessThan(300)
      const answers = await Promise.all(all.filter((step) => step.label.startsWith('accept-')).map(send))
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200])
      const history = (await call('GET', '/api/agreements/busy/history', { as: officers.tkksd })).body as { events: Array<{ version: number; type: string }> }
      expect(history.events.map((event) => event.version)).toEqual(history.events.map((_, index) => index + 1))
      expect(history.events.filter((event) => event.type === 'OfferResponseRecorded')).toHaveLength(4)
    })

    it('the semester report as CSV over the wire: UTF-8 with its byte-order mark, as an attachment', async () => {
      await carry('report', 'start action')
      const response = await fetch(`${server.url}/api/reports/semester/2022-1?format=csv&waitFor=1000000&timeoutMs=1`, { headers: { authorization: `Bearer ${server.tokenFor(officers.tkksd)}` } })
      // A position past the log's end: the wait times out as a 503 problem rather than answering a report without that write.
      expect(response.status).toBe(503)
      const fresh = await fetch(`${server.url}/api/reports/semester/2022-1?format=csv`, { headers: { authorization: `Bearer ${server.tokenFor(officers.tkksd)}` } })
      expect(fresh.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(fresh.headers.get('content-disposition')).toBe('attachment; filename="laporan-semester-2022-1.csv"')
      const bytes = new Uint8Array(await fresh.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(new TextDecoder().decode(bytes)).toMatch(/^semester,kode_wilayah,/)
    })

    it('the projections’ status and the OpenAPI document', async () => {
      const status = await call('GET', '/api/projections/status', { as: officers.tkksd })
      expect(status.status).toBe(200)
      const document = await call('GET', '/api/openapi.json')
      expect(document.body).toMatchObject({ openapi: '3.1.0' })
    })
  })
}
