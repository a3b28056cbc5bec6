import { inspect, isDeepStrictEqual } from 'node:util'

/** A response as a test reads it: the body parsed when it is JSON. */
export type ApiResponse = {
  status: number
  headers: Headers
  /** The body decoded as UTF-8, a byte-order mark kept. */
  text: string
  /** The parsed body for JSON and problem+json responses; undefined otherwise. */
  body: unknown
}

/**
 * What the response must be. `body` is matched as a subset: every field it
 * names must be there with that value (arrays item by item, same length),
 * fields it does not name are free. `problem` is a problem document of that
 * code (application/problem+json, `code` and `status` in the body).
 */
export type ResponseExpectation = {
  status: number
  headers?: Record<string, string | RegExp | null>
  body?: unknown
  problem?: string
}

export class ApiExpectationFailed extends Error {
  override name = 'ApiExpectationFailed'
}

// ignoreBOM keeps a byte-order mark in the text (Response.text() would drop it), so a test can see that the CSV has one.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

export async function readResponse(response: Response): Promise<ApiResponse> {
  const text = utf8.decode(await response.arrayBuffer())
  const contentType = response.headers.get('content-type') ?? ''
  const body = /\bjson\b/.test(contentType) && text.length > 0 ? (JSON.parse(text) as unknown) : undefined
  return { status: response.status, headers: response.headers, text, body }
}

/** Every way the response differs from the expectation, as one line each; empty when it matches. */
export function mismatches(response: ApiResponse, expected: ResponseExpectation): string[] {
  const found: string[] = []
  if (response.status !== expected.status) found.push(`status: expected ${expected.status}, got ${response.status}`)
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = response.headers.get(name)
    const ok = value === null ? actual === null : typeof value === 'string' ? actual === value : actual !== null && value.test(actual)
    if (!ok) found.push(`header ${name}: expected ${value === null ? 'none' : String(value)}, got ${actual === null ? 'none' : JSON.stringify(actual)}`)
  }
  if (expected.problem !== undefined) {
    const contentType = response.headers.get('content-type') ?? ''
    if (!contentType.startsWith('application/problem+json')) found.push(`content-type: expected application/problem+json, got ${contentType || 'none'}`)
    const code = (response.body as { code?: unknown } | undefined)?.code
    if (code !== expected.problem) found.push(`problem code: expected ${expected.problem}, got ${String(code)}`)
  }
  if (expected.body !== undefined) found.push(...subsetMismatches(response.body, expected.body, 'body'))
  return found
}

function subsetMismatches(actual: unknown, expected: unknown, path: string): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${show(actual)}`]
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`]
    return expected.flatMap((item, index) => subsetMismatches(actual[index], item, `${path}[${index}]`))
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${path}: expected an object, got ${show(actual)}`]
    return Object.entries(expected).flatMap(([key, value]) => subsetMismatches((actual as Record<string, unknown>)[key], value, `${path}.${key}`))
  }
  return isDeepStrictEqual(actual, expected) ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`]
}

function show(value: unknown): string {
  return inspect(value, { depth: 4, breakLength: 120 })
}
