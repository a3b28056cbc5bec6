import { describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import { runLifecycle, testActors, testClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createKerjasamaHandler } from '../../src'
import { readResponse } from '../../src/testing'

/** Kebumen (33.05) records an agreement; Jawa Tengah's reader (33) projects its own and Kebumen's events. */
async function provinceHandler() {
  const database = createMemoryDatabase()
  const kebumen = openMemoryStore({ database, tenant: '33.05' })
  const clock = testClock('2022-02-22T02:00:00.000Z')
  await runLifecycle(createAgreementService({ store: kebumen, clock }), clock, 'KSDPK', { agreementId: 'gula-merah' }, { stopBefore: 'start action' })
  const province = openMemoryStore({ database, tenant: '33', readTenants: ['33.05'] })
  const readModels = openMemoryReadModelStore({ database, tenant: '33' })
  await createProjectionRunner({ eventStore: province, readModels, projections: [...builtInProjections] }).catchUp()
  const handler = createKerjasamaHandler({ service: createAgreementService({ store: province, clock }), readModels, eventStore: province, authenticate: () => testActors.tkksd })
  return async (path: string) => readResponse(await handler.fetch(new Request(`http://kerjasama.test${path}`)))
}

describe('a province’s reader', () => {
  it('finds a kabupaten’s agreement in the register and opens its timeline by the tenant the entry names', async () => {
    const get = await provinceHandler()
    const register = await get('/api/register')
    expect(register.body).toMatchObject({ items: [{ agreementId: 'gula-merah', tenant: '33.05' }] })
    const timeline = await get('/api/agreements/gula-merah/timeline?tenant=33.05')
    expect(timeline).toMatchObject({ status: 200, body: { agreementId: 'gula-merah', tenant: '33.05' } })
    expect((timeline.body as { entries: unknown[] }).entries.length).toBeGreaterThan(5)
    // Its own tenant holds no such agreement, and a tenant the read models do not hold finds nothing either.
    expect(await get('/api/agreements/gula-merah/timeline')).toMatchObject({ status: 404, body: { code: 'AGREEMENT_NOT_FOUND' } })
    expect(await get('/api/agreements/gula-merah/timeline?tenant=33.06')).toMatchObject({ status: 404, body: { code: 'AGREEMENT_NOT_FOUND' } })
    expect(await get('/api/agreements/gula-merah/timeline?tenants=33.05')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } })
  })

  it('reads a kabupaten’s agreement and its history from the event stream by the tenant it names; a tenant it may not read is 403', async () => {
    const get = await provinceHandler()
    const state = await get('/api/agreements/gula-merah?tenant=33.05')
    expect(state).toMatchObject({ status: 200, body: { agreementId: 'gula-merah', state: { initiatingRegion: '33.05' } } })
    const history = await get('/api/agreements/gula-merah/history?tenant=33.05')
    expect(history).toMatchObject({ status: 200, body: { agreementId: 'gula-merah' } })
    expect((history.body as { events: Array<{ tenant: string }> }).events.every((event) => event.tenant === '33.05')).toBe(true)
    expect(state.headers.get('etag')).toBe(history.headers.get('etag'))
    expect(await get('/api/agreements/gula-merah')).toMatchObject({ status: 404, body: { code: 'AGREEMENT_NOT_FOUND' } })
    expect(await get('/api/agreements/gula-merah?tenant=32.01')).toMatchObject({ status: 403, body: { code: 'TENANT_NOT_GRANTED' } })
    expect(await get('/api/agreements/gula-merah/history?tenant=32.01')).toMatchObject({ status: 403, body: { code: 'TENANT_NOT_GRANTED' } })
  })
})
