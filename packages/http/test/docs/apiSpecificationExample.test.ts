import { describe, it } from 'vitest'
// docs:start api-specification
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { agreementLifecycle, testActors } from '@kerjasama/core/testing'
import { apiSpecification } from '@kerjasama/http/testing'

const api = apiSpecification({
  stores: () => {
    const database = createMemoryDatabase()
    return { eventStore: openMemoryStore({ database, tenant: '33.05' }), readModels: openMemoryReadModelStore({ database, tenant: '33.05' }) }
  },
})
const [identify] = agreementLifecycle('KSDPK', { agreementId: 'gula-merah' })

describe('our app’s API', () => {
  it('the kepala daerah cannot send an offer before TKKSD has assessed feasibility', async () => {
    await api
      .given({ command: identify.command, actor: identify.actor })
      .when({ method: 'POST', path: '/api/agreements/gula-merah/commands', as: testActors['kepala-daerah'], body: { type: 'SendOffer' } })
      .then({ status: 422, problem: 'GUARD_VIOLATION' })
  })
})
// docs:end
