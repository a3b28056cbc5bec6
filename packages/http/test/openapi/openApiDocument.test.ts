import { describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import { createKerjasamaHandler, openApiPath, problemCatalogue } from '../../src'
import type { OpenApiDocument } from '../../src'
import { memoryStores } from '../support/stores'

function handler(basePath = '') {
  const { eventStore, readModels } = memoryStores()
  return createKerjasamaHandler({ service: createAgreementService({ store: eventStore }), readModels, authenticate: () => undefined, basePath })
}

type Operation = { operationId: string; parameters?: Array<{ name: string; in: string; required: boolean }>; responses: Record<string, { content?: Record<string, unknown> }> }

/** The routes Hono holds, as "METHOD /path/{param}"; middleware and the /api/* fallback are registered for ALL methods and are no routes. */
function registeredRoutes(app: ReturnType<typeof handler>['app']): string[] {
  return [...new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${openApiPath(route.path)}`))].sort()
}

function documentedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)).sort()
}

describe('the OpenAPI document', () => {
  for (const basePath of ['', '/kerjasama']) {
    it(`documents every route the handler serves, and serves every route it documents (basePath "${basePath}")`, () => {
      const { app, openApiDocument } = handler(basePath)
      expect(registeredRoutes(app).length).toBeGreaterThanOrEqual(13)
      expect(documentedRoutes(openApiDocument)).toEqual(registeredRoutes(app))
    })
  }

  it('is what GET /api/openapi.json serves', async () => {
    const { fetch, openApiDocument } = handler()
    const response = await fetch(new Request('http://kerjasama.test/api/openapi.json'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)))
  })

  it('names each operation once, declares every path parameter, and answers every error as a problem document', () => {
    const { openApiDocument } = handler()
    const operations = Object.entries(openApiDocument.paths).flatMap(([path, byMethod]) => Object.values(byMethod).map((operation) => ({ path, operation: operation as Operation })))
    const ids = operations.map(({ operation }) => operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { path, operation } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
      expect((operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)).toEqual(inPath)
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json'])
      }
    }
  })

  it('every status a documented problem has is one the catalogue gives its code', () => {
    const { openApiDocument } = handler()
    for (const byMethod of Object.values(openApiDocument.paths)) {
      for (const operation of Object.values(byMethod) as Array<{ responses: Record<string, { description: string }> }>) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue
          const codes = [...response.description.matchAll(/([A-Z_]+) \(/g)].map((match) => match[1] as keyof typeof problemCatalogue)
          expect(codes.length).toBeGreaterThan(0)
          expect(codes.every((code) => problemCatalogue[code].status === Number(status))).toBe(true)
        }
      }
    }
  })

  it('takes the command bodies from core’s zod schemas, every command type included', () => {
    const { openApiDocument } = handler()
    const issue = openApiDocument.paths['/api/agreements/{id}/commands']?.post as { requestBody: { content: { 'application/json': { schema: { oneOf: Array<{ properties: { type: { enum?: string[]; const?: string } } }> } } } } }
    const types = issue.requestBody.content['application/json'].schema.oneOf.map((option) => option.properties.type.enum?.[0] ?? option.properties.type.const)
    expect(types).toHaveLength(19)
    expect(types).toContain('RecordMonev')
  })
})
