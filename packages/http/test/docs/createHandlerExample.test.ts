import { describe, expect, it } from 'vitest'
import { testActors } from '@kerjasama/core/testing'
// docs:start create-handler
import { createAgreementService } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { createKerjasamaHandler } from '@kerjasama/http'

export async function startKerjasama(sessions: Map<string, Actor>) {
  const store = openSqliteStore({ file: 'kebumen.db', tenant: '33.05' })
  const service = createAgreementService({ store })
  const runner = createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [...builtInProjections] })
  await runner.start()
  const kerjasama = createKerjasamaHandler({
    service,
    readModels: store.readModels,
    runner,
    eventStore: store,
    // The app's own sessions: the handler never sees a credential, only the actor.
    authenticate: (request) => sessions.get(request.headers.get('authorization') ?? ''),
  })
  return { kerjasama, stop: async () => (await runner.stop(), await store.close()) }
}
// docs:end

describe('the handler example of docs/http.md', () => {
  it('starts, records an agreement for a signed-in officer, refuses an anonymous request, stops', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const previous = process.cwd()
    process.chdir(mkdtempSync(join(tmpdir(), 'kerjasama-http-doc-')))
    try {
      const { kerjasama, stop } = await startKerjasama(new Map([['Bearer sesi-opd', testActors.opd]]))
      const anonymous = await kerjasama.fetch(new Request('http://localhost/api/register'))
      expect(anonymous.status).toBe(401)
      const body = { kind: 'KSDPK', object: 'Pengembangan sentra gula merah', initiatingUnit: 'Dinas Koperasi dan UKM', initiatingRegion: '33.05', partners: [{ partnerId: 'koperasi-gula-kelapa', name: 'Koperasi Produsen Gula Kelapa', kind: 'pihak-ketiga' }] }
      const created = await kerjasama.fetch(new Request('http://localhost/api/agreements', { method: 'POST', headers: { authorization: 'Bearer sesi-opd', 'content-type': 'application/json' }, body: JSON.stringify(body) }))
      expect(created.status).toBe(201)
      await stop()
    } finally {
      process.chdir(previous)
    }
  })
})
