import { z } from 'zod'
import { problemCatalogue } from '../problem/problemCatalogue'
import type { ProblemCode } from '../problem/problemCatalogue'
import { problemTypeOf } from '../problem/problemDetails'
import { problemSchema } from './apiSchemas'
import { routeCatalogue } from './routeCatalogue'
import type { RouteDoc, RouteHeader } from './routeCatalogue'

/**
 * The OpenAPI 3.1 document, built from the route table and zod 4's JSON
 * Schema output (`z.toJSONSchema`): OpenAPI 3.1 speaks JSON Schema 2020-12,
 * so the schemas go in unchanged. Request schemas are taken as their input
 * (what a client sends), responses as their output.
 */
export type OpenApiDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  security: Array<Record<string, string[]>>
  paths: Record<string, Record<string, unknown>>
  components: Record<string, unknown>
}

export const API_VERSION = '0.1.0'

type JsonSchema = Record<string, unknown>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

/** "/api/agreements/:id" → "/api/agreements/{id}". */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)/g, '{$1}')
}

const headerParameters: Record<RouteHeader, JsonSchema> = {
  'If-Match': { name: 'If-Match', in: 'header', required: false, description: 'W/"<version>" (or "<version>", or *): write only if the agreement is still at that version, else 412', schema: { type: 'string' } },
  'If-None-Match': { name: 'If-None-Match', in: 'header', required: false, description: 'The ETag you hold: 304 when the agreement is still at that version', schema: { type: 'string' } },
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'One key of 1–200 visible ASCII characters (optionally quoted). The same key with the same command answers the first result and writes nothing; with another command it is 422',
    schema: { type: 'string', minLength: 1, maxLength: 202 },
  },
}

const responseHeaders: Record<string, JsonSchema> = {
  ETag: { description: 'W/"<version>": the agreement’s stream version', schema: { type: 'string' } },
  Location: { description: 'The agreement’s URL', schema: { type: 'string' } },
  'Content-Disposition': { description: 'attachment; filename="…csv"', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
}

function parametersOf(route: RouteDoc): JsonSchema[] {
  const fromObject = (schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] => {
    if (schema === undefined) return []
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
    return Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...propertySchema } = property
      return { name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...(description === undefined ? {} : { description }), schema: propertySchema }
    })
  }
  return [...fromObject(route.params, 'path'), ...fromObject(route.query, 'query'), ...(route.headers ?? []).map((header) => headerParameters[header])]
}

function responsesOf(route: RouteDoc): Record<string, unknown> {
  const responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, unknown> }> = {}
  for (const success of route.success) {
    const key = String(success.status)
    const existing = responses[key]
    const contentType = success.contentType ?? 'application/json'
    const content = success.schema === undefined && success.contentType === undefined ? undefined : { [contentType]: success.schema === undefined ? {} : { schema: jsonSchema(success.schema, 'output') } }
    const headers = success.headers === undefined ? undefined : Object.fromEntries(success.headers.map((name) => [name, responseHeaders[name]]))
    responses[key] = {
      description: existing === undefined ? success.description : `${existing.description}; ${success.description}`,
      ...(headers === undefined && existing?.headers === undefined ? {} : { headers: { ...existing?.headers, ...headers } }),
      ...(content === undefined && existing?.content === undefined ? {} : { content: { ...existing?.content, ...content } }),
    }
  }
  const byStatus = new Map<number, ProblemCode[]>()
  for (const code of new Set(route.problems)) {
    const status = problemCatalogue[code].status
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const retry = codes.some((code) => 'retryAfterSeconds' in problemCatalogue[code])
    responses[String(status)] = {
      description: codes.map((code) => `${code} (${problemTypeOf(code)})`).join(', '),
      ...(retry ? { headers: { 'Retry-After': responseHeaders['Retry-After'] } } : {}),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    }
  }
  return responses
}

export function buildOpenApiDocument(options: { basePath?: string } = {}): OpenApiDocument {
  const basePath = options.basePath ?? ''
  const paths: OpenApiDocument['paths'] = {}
  for (const route of Object.values(routeCatalogue) as RouteDoc[]) {
    const path = `${basePath}${openApiPath(route.path)}`
    const parameters = parametersOf(route)
    paths[path] = {
      ...paths[path],
      [route.method]: {
        operationId: route.operationId,
        tags: [route.tag],
        summary: route.summary,
        description: route.description,
        ...(route.public === true ? { security: [] } : {}),
        ...(parameters.length === 0 ? {} : { parameters }),
        ...(route.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }),
        responses: responsesOf(route),
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kerjasama HTTP API',
      version: API_VERSION,
      description:
        'Kerja sama daerah agreements (Permendagri 22/2020) as event streams, with the read models a government app shows. Errors are application/problem+json (RFC 9457). See docs/http.md.',
    },
    security: [{ app: [] }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: { app: { type: 'http', scheme: 'bearer', description: 'Whatever the app’s authenticate(request) accepts; the handler itself sees no credentials' } },
    },
  }
}
