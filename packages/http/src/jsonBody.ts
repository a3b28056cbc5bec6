import { bodyLimit } from 'hono/body-limit'
import type { Context, MiddlewareHandler } from 'hono'
import { BodyNotJson, BodyTooLarge, UnsupportedMediaType } from './problem/httpRefusals'

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/

/** 415 unless the body is declared JSON (application/json or application/…+json, charset utf-8 if one is named). */
export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('content-type')
    const [mediaType = '', ...parameters] = (declared ?? '').split(';').map((part) => part.trim().toLowerCase())
    const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '')
    if (!JSON_MEDIA_TYPE.test(mediaType) || (charset !== undefined && charset !== 'utf-8')) throw new UnsupportedMediaType(declared)
    await next()
  }
}

/**
 * 413 past `maxBytes`, judged before anything is parsed: by Content-Length
 * when the client sent one, else while the body streams in, so a 10 MB body
 * is refused without ever being held whole.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new BodyTooLarge(maxBytes)
    },
  })
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The body as JSON; 400 when it is empty, not UTF-8, or not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const bytes = await c.req.arrayBuffer()
  let text: string
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    throw new BodyNotJson()
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new BodyNotJson()
  }
}
