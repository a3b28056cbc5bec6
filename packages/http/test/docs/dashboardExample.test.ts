import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testActors } from '@kerjasama/core/testing'
// docs:start mount-dashboard
import { createAgreementService } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { createDashboard, createKerjasamaHandler } from '@kerjasama/http'
import { serve } from '@hono/node-server'

export async function startKerjasama(sessions: Map<string, Actor>, port: number) {
  const store = openSqliteStore({ file: 'kebumen.db', tenant: '33.05' })
  const service = createAgreementService({ store })
  const runner = createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [...builtInProjections] })
  await runner.start()
  const kerjasama = createKerjasamaHandler({
    service,
    readModels: store.readModels,
    runner,
    eventStore: store,
    // The app's own sign-in: here a session cookie. The same actor reads the API and the pages.
    authenticate: (request) => sessions.get(/(?:^|;\s*)sesi=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? ''),
    dashboard: createDashboard({
      unauthenticated: () => Response.redirect('https://sso.kebumenkab.go.id/masuk', 303),
    }),
  })
  const server = serve({ fetch: kerjasama.fetch, hostname: '127.0.0.1', port })
  return { server, stop: async () => (server.close(), await runner.stop(), await store.close()) }
}
// docs:end

describe('the dashboard example of docs/dashboard.md', () => {
  it('serves the pages to a signed-in officer, in English at a click, and sends anyone else to sign in', async () => {
    const previous = process.cwd()
    process.chdir(mkdtempSync(join(tmpdir(), 'kerjasama-dashboard-doc-')))
    try {
      const { server, stop } = await startKerjasama(new Map([['a1b2c3', testActors.tkksd]]), 0)
      await new Promise((resolve) => server.once('listening', resolve))
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const register = await fetch(`${base}/`, { headers: { cookie: 'sesi=a1b2c3' } })
      expect(register.status).toBe(200)
      expect(await register.text()).toContain('<h1>Register kerja sama</h1>')
      const english = await fetch(`${base}/watchlist?lang=en`, { headers: { cookie: 'sesi=a1b2c3' } })
      expect(await english.text()).toContain('<h1>Ceremonial-risk watchlist</h1>')
      expect(english.headers.get('set-cookie')).toContain('kerjasama_lang=en')
      const stranger = await fetch(`${base}/matrix`, { redirect: 'manual' })
      expect(stranger.status).toBe(303)
      expect(stranger.headers.get('location')).toBe('https://sso.kebumenkab.go.id/masuk')
      await stop()
    } finally {
      process.chdir(previous)
    }
  })
})
