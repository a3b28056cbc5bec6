import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import { DASHBOARD_CONTENT_SECURITY_POLICY, createDashboard, createKerjasamaHandler } from '../../src'
import { dashboardOptionsSchema } from '../../src/dashboard/createDashboard'
import { pageQueries } from '../../src/dashboard/pageQueries'
import { quoted } from '../../scripts/httpDocument'
import { officers } from '../support/lifecycle'
import { memoryStores } from '../support/stores'

const docs = fileURLToPath(new URL('../../../../docs/', import.meta.url))
const page = readFileSync(`${docs}dashboard.md`, 'utf8')
const asDocumented = (path: string): string => path.replace(/:(\w+)/g, '{$1}')

describe('docs/dashboard.md', () => {
  it('quotes exactly the example that test/docs/dashboardExample.test.ts runs', () => {
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((match) => match[1])
    expect(blocks).toEqual([quoted('dashboardExample.test.ts', 'mount-dashboard')])
  })

  it('lists every page the dashboard serves, each with every query parameter it takes', () => {
    const { eventStore, readModels } = memoryStores()
    const handler = createKerjasamaHandler({ service: createAgreementService({ store: eventStore }), readModels, authenticate: () => officers.tkksd, dashboard: createDashboard() })
    const served = handler.app.routes.filter((route) => route.method === 'GET' && !route.path.startsWith('/api')).map((route) => route.path)
    expect(new Set(served)).toEqual(new Set([...Object.keys(pageQueries), '/assets/dashboard.css']))
    for (const path of served) expect(page, path).toContain(`| \`${asDocumented(path)}\` |`)
    for (const [path, schema] of Object.entries(pageQueries)) {
      const row = page.split('\n').find((line) => line.startsWith(`| \`${asDocumented(path)}\` |`)) as string
      const documented = row.split('|').at(-2) as string
      for (const name of Object.keys(schema.shape).filter((name) => name !== 'lang')) expect(documented, `${path} ${name}`).toContain(`\`${name}\``)
    }
  })

  it('names every option and the exact Content-Security-Policy', () => {
    for (const option of Object.keys(dashboardOptionsSchema.shape)) expect(page).toContain(`| \`${option}\` |`)
    expect(page).toContain(`\`${DASHBOARD_CONTENT_SECURITY_POLICY}\``)
  })

  it('shows screenshots that exist, and every dashboard screenshot taken', () => {
    const shown = [...page.matchAll(/!\[[^\]]+\]\((images\/[^)]+)\)/g)].map((match) => match[1] as string)
    expect(shown.length).toBeGreaterThan(5)
    for (const image of shown) expect(existsSync(`${docs}${image}`), image).toBe(true)
    const taken = readdirSync(`${docs}images`).filter((file) => file.startsWith('dashboard-'))
    expect(new Set(shown.map((image) => image.replace('images/', '')))).toEqual(new Set(taken))
  })
})
