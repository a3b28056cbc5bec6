import { describe, expect, it } from 'vitest'
import { createDashboard } from '../../src'
import { dashboardScenario } from '../support/dashboardScenario'
import { hrefsOf } from '../support/pageText'

describe('who sees the dashboard, and where', () => {
  it('shows a 401 page, and no data, to a request the app’s authenticate does not recognise', async () => {
    const scenario = await dashboardScenario({ authenticate: () => undefined })
    await scenario.record()
    for (const path of ['/', '/watchlist', '/agreements/anything']) {
      const page = await scenario.page(path)
      expect(page.status, path).toBe(401)
      expect(page.text).toContain('<h1>Silakan masuk terlebih dahulu</h1>')
      expect(page.text).not.toContain('Pengembangan sentra gula merah')
    }
    // The stylesheet holds no data, so a sign-in page can use it.
    expect((await scenario.page('/assets/dashboard.css')).status).toBe(200)
  })

  it('hands such a request to the app’s own answer when it gives one (a redirect to its sign-in page)', async () => {
    const scenario = await dashboardScenario({
      authenticate: () => undefined,
      dashboard: { unauthenticated: (request) => Response.redirect(`https://sso.kebumenkab.go.id/masuk?kembali=${encodeURIComponent(request.url)}`, 303) },
    })
    const page = await scenario.page('/matrix')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('https://sso.kebumenkab.go.id/masuk?kembali=http%3A%2F%2Fkerjasama.test%2Fmatrix')
  })

  it('lives under the handler’s basePath, every link and the cookie with it', async () => {
    const scenario = await dashboardScenario({ basePath: '/kerjasama' })
    const id = await scenario.record()
    const register = await scenario.page('/')
    expect(register.status).toBe(200)
    const links = hrefsOf(register.text).filter((href) => href.startsWith('/'))
    expect(links).toContain('/kerjasama/assets/dashboard.css')
    expect(links).toContain(`/kerjasama/agreements/${id}`)
    for (const href of links) expect(href).toMatch(/^\/kerjasama\//)
    expect(register.text).toContain('action="/kerjasama/"')
    expect((await scenario.page('/?lang=en')).headers.get('set-cookie')).toContain('Path=/kerjasama;')
    expect((await scenario.page(`/agreements/${id}`)).status).toBe(200)
    const bare = await scenario.handler.fetch(new Request('http://kerjasama.test/kerjasama?lang=en'))
    expect(bare.status).toBe(308)
    expect(bare.headers.get('location')).toBe('/kerjasama/?lang=en')
  })

  it('refuses options it does not know at start-up, not on the first request', () => {
    expect(() => createDashboard({ regions: 'Jawa Tengah' } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(() => createDashboard({ region: undefined } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })

  it('reports a server fault to onUnexpectedError and shows the officer no detail of it', async () => {
    const faults: unknown[] = []
    const scenario = await dashboardScenario({ dashboard: { onUnexpectedError: (error) => faults.push(error) } })
    await scenario.stores.readModels.close?.()
    await scenario.stores.eventStore.close()
    const page = await scenario.page('/')
    expect(page.status).toBe(500)
    expect(page.text).toContain('Terjadi kesalahan pada server')
    expect(faults).toHaveLength(1)
    expect(page.text).not.toContain((faults[0] as Error).message)
  })
})
