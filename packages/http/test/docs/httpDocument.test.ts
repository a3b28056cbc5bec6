import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { problemCatalogue, routeCatalogue } from '../../src'
import { renderHttpDocument } from '../../scripts/httpDocument'

const file = fileURLToPath(new URL('../../../../docs/http.md', import.meta.url))

describe('docs/http.md', () => {
  it('is what the code renders, its examples made again (run `pnpm --filter @kerjasama/http docs:http` when this fails)', async () => {
    expect(readFileSync(file, 'utf8')).toBe(await renderHttpDocument())
  })

  it('names every route, every problem code, and holds the OpenAPI document', () => {
    const page = readFileSync(file, 'utf8')
    for (const route of Object.values(routeCatalogue)) expect(page).toContain(`| ${route.method.toUpperCase()} | \`${route.path.replace(/:(\w+)/g, '{$1}')}\``)
    for (const code of Object.keys(problemCatalogue)) expect(page).toContain(`| \`${code}\` |`)
    expect(page).toContain('"openapi": "3.1.0"')
    for (const framework of ['node:http', 'Hono', 'Express', 'Fastify']) expect(page).toContain(`**${framework}`)
  })
})
