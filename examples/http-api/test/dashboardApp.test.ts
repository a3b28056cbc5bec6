import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { createTestSchema, postgresAvailability } from '@kerjasama/store-postgres/testing'
import { startDashboardApp } from '../src/dashboardApp'
import { DEMO_USER_HEADER } from '../src/demoUsers'

type Case = { name: string; open: () => Promise<{ store: Parameters<typeof startDashboardApp>[0]['store']; cleanup: () => Promise<void> }> }
const cases: Case[] = [{ name: 'sqlite', open: async () => ({ store: openSqliteStore({ file: ':memory:' }), cleanup: async () => undefined }) }]
if ((await postgresAvailability()).available) {
  cases.push({
    name: 'postgres',
    open: async () => {
      const test = createTestSchema()
      return { store: await openPostgresStore({ pool: test.pool, schema: test.schema }), cleanup: () => test.cleanup() }
    },
  })
}

describe.each(cases)('examples/http-api on $name', ({ open }) => {
  it('seeds the scenario, serves the dashboard and the API over a real socket, and records a write the read models then show', async () => {
    const { store, cleanup } = await open()
    const app = await startDashboardApp({ store, port: 0 })
    try {
      const page = await fetch(`${app.url}?lang=en`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(await page.text()).toContain('<html lang="en"')
      const register = await (await fetch(`${app.url}api/register?region=33.05`)).json() as { items: unknown[] }
      expect(register.items.length).toBe(4)
      const created = await fetch(`${app.url}api/agreements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEMO_USER_HEADER]: 'opd-kebumen' },
        body: JSON.stringify({ type: 'IdentifyCooperation', kind: 'KSDPK', object: 'Pemasaran batik tulis Kebumen', initiatingRegion: '33.05', initiatingUnit: 'Dinas Perindustrian', partners: [{ partnerId: 'koperasi-batik', name: 'Koperasi Batik Tulis', kind: 'pihak-ketiga' }] }),
      })
      expect(created.status).toBe(201)
      const { position } = await created.json() as { position: string }
      const after = await (await fetch(`${app.url}api/register?region=33.05&waitFor=${position}&timeoutMs=10000`)).json() as { items: unknown[] }
      expect(after.items.length).toBe(5)
      const anonymousWrite = await fetch(`${app.url}api/agreements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(anonymousWrite.status).toBe(401)
    } finally {
      await app.close()
      await cleanup()
    }
  })
})
