import { ValidationError, parseOrThrow } from '@kerjasama/core'
import type { z } from 'zod'

const QUERY = { id: 'parameter alamat (query)', en: 'query parameters' }

/**
 * The query string through the route's strict schema: an unknown (misspelt)
 * parameter is refused rather than ignored, which would answer an unfiltered
 * register to someone who asked for one region; a parameter given twice is
 * refused rather than silently taking one of the two.
 */
export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.output<S> {
  const params = new URL(url).searchParams
  // Without a prototype, `?__proto__=` is a key like any other, refused as unknown; on `{}` the assignment would be swallowed and the request answered unfiltered.
  const query: Record<string, string> = Object.create(null) as Record<string, string>
  const repeated: string[] = []
  for (const [name, value] of params) {
    if (Object.hasOwn(query, name)) repeated.push(name)
    query[name] = value
  }
  if (repeated.length > 0) {
    throw new ValidationError(
      QUERY,
      [...new Set(repeated)].map((name) => ({
        path: name,
        code: 'FIELD_REPEATED',
        message: `${name} is given more than once; give it once`,
        messageId: `${name} diberikan lebih dari sekali; berikan satu kali saja`,
      })),
    )
  }
  return parseOrThrow(schema, query, QUERY)
}

/** Path parameters through their schema, so a too-long id is a 400 naming the field. */
export function parseParams<S extends z.ZodType>(params: Record<string, string>, schema: S): z.output<S> {
  return parseOrThrow(schema, params, { id: 'parameter jalur', en: 'path parameters' })
}
