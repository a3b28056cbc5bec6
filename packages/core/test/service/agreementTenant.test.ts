import { describe, expect, it } from 'vitest'
import { createMemoryDatabase, openMemoryStore } from '@kerjasama/store-memory'
import { parseAgreementCommand } from '../../src/agreement'
import { isRefusal } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import { DEFAULT_TENANT } from '../../src/store'
import type { EventStore } from '../../src/store'
import { sequentialIds, testClock } from '../../src/testing'
import { actors, commands } from '../agreement/scenario'
import { countingStore } from './storeDoubles'

// Item 3, the tenant: a store opened for 33.05 records only agreements in
// which 33.05 is the initiating region or a daerah partner.

const semarangOpd = { id: 'opd-semarang', role: 'opd', actsFor: '33.74' } as const

function serviceOn(store: EventStore) {
  const counting = countingStore(store)
  return { store: counting, service: createAgreementService({ store: counting, clock: testClock(), ids: sequentialIds('tenant') }) }
}

const semarangWithPurworejo = commands.identify('KSDD-sukarela', {
  agreementId: 'semarang-purworejo',
  initiatingRegion: '33.74',
  partners: [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionCode: '33.06' }],
})

describe('the store’s tenant bounds which agreements it records', () => {
  it('the store says which tenant it writes to', () => {
    expect(openMemoryStore({ tenant: '33.05' }).tenant).toBe('33.05')
    expect(openMemoryStore().tenant).toBe(DEFAULT_TENANT)
  })

  it('a 33.05 store refuses an agreement between 33.74 and 33.06 with AGREEMENT_OUTSIDE_TENANT, and writes nothing', async () => {
    const { store, service } = serviceOn(openMemoryStore({ tenant: '33.05' }))
    const refused = await service.execute(parseAgreementCommand(semarangWithPurworejo), { actor: semarangOpd }).catch((error: unknown) => error)
    expect(isRefusal(refused) && refused.code).toBe('AGREEMENT_OUTSIDE_TENANT')
    if (!isRefusal(refused)) throw refused
    expect(refused.details).toEqual({ tenant: '33.05', regions: ['33.74', '33.06'] })
    expect(refused.localized.id).toContain('33.05')
    expect(refused.violations.map((violation) => violation.code)).toEqual(['AGREEMENT_OUTSIDE_TENANT'])
    expect(store.appends).toBe(0)
    expect(await service.history('semarang-purworejo')).toEqual([])
  })

  it('a 33.05 store records an agreement 33.05 initiates, and one where 33.05 is a daerah partner', async () => {
    const { service } = serviceOn(openMemoryStore({ tenant: '33.05' }))
    await service.execute(parseAgreementCommand(commands.identify('KSDPK', { agreementId: 'own' })), { actor: actors.opd })
    const asPartner = commands.identify('KSDD-sukarela', {
      agreementId: 'semarang-kebumen',
      initiatingRegion: '33.74',
      partners: [{ partnerId: 'pemkab-kebumen', name: 'Kabupaten Kebumen', kind: 'daerah', regionCode: '33.05' }],
    })
    await service.execute(parseAgreementCommand(asPartner), { actor: semarangOpd })
    expect((await service.load('own')).status).toBe('identified')
    expect((await service.load('semarang-kebumen')).initiatingRegion).toBe('33.74')
  })

  it('a store opened for the default tenant (one region per deployment) records any agreement', async () => {
    const { service } = serviceOn(openMemoryStore())
    await service.execute(parseAgreementCommand(semarangWithPurworejo), { actor: semarangOpd })
    expect((await service.load('semarang-purworejo')).status).toBe('identified')
  })

  it('a store without a tenant is not an EventStore: the service refuses it at creation', () => {
    const withoutTenant: Record<string, unknown> = { ...openMemoryStore() }
    delete withoutTenant.tenant
    expect(() => createAgreementService({ store: withoutTenant as unknown as EventStore })).toThrowError(/tenant/)
  })

  it('history reads another tenant only where the store was granted it: a province reader sees Kebumen’s agreement, and is refused another region’s', async () => {
    const database = createMemoryDatabase()
    const kebumen = serviceOn(openMemoryStore({ database, tenant: '33.05' })).service
    await kebumen.execute(parseAgreementCommand(commands.identify('KSDPK', { agreementId: 'gula-merah' })), { actor: actors.opd })
    const province = serviceOn(openMemoryStore({ database, tenant: '33', readTenants: ['33.05'] })).service
    expect((await province.history('gula-merah', { tenant: '33.05' })).map((event) => [event.tenant, event.type])).toEqual([['33.05', 'CooperationIdentified']])
    expect(await province.history('gula-merah')).toEqual([])
    const refused = await province.history('gula-merah', { tenant: '33.06' }).catch((error: unknown) => error)
    expect(isRefusal(refused) && refused.code).toBe('TENANT_NOT_GRANTED')
  })
})
