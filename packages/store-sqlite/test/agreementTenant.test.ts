import { describe, expect, it } from 'vitest'
import { createAgreementService, isRefusal } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { openSqliteStore } from '../src'

// The agreement service on SQLite: a store opened for 33.05 records only
// agreements 33.05 is party to (hardening issue, item 3).

describe('an SQLite store opened for one region', () => {
  it('says which tenant it writes to', () => {
    const store = openSqliteStore({ file: ':memory:', tenant: '33.05' })
    try {
      expect(store.tenant).toBe('33.05')
    } finally {
      void store.close()
    }
  })

  it('refuses an agreement of other regions with AGREEMENT_OUTSIDE_TENANT and writes nothing; records its own', async () => {
    const store = openSqliteStore({ file: ':memory:', tenant: '33.05' })
    try {
      const service = createAgreementService({ store, clock: testClock() })
      const [own] = agreementLifecycle('KSDD-sukarela', { agreementId: 'kebumen-purworejo' })
      const [foreign] = agreementLifecycle('KSDD-sukarela', { agreementId: 'semarang-purworejo', initiatingRegion: '33.74' })
      const refused = await service.execute(foreign.command, { actor: foreign.actor }).catch((error: unknown) => error)
      expect(isRefusal(refused) && refused.code).toBe('AGREEMENT_OUTSIDE_TENANT')
      expect((await store.verify()).eventsChecked).toBe(0)
      await service.execute(own.command, { actor: own.actor })
      expect((await service.load('kebumen-purworejo')).status).toBe('identified')
    } finally {
      await store.close()
    }
  })
})
