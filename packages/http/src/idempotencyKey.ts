import { IdempotencyKeyMalformed } from './problem/httpRefusals'

// Visible ASCII without space, double quote or comma: a comma is how fetch
// joins two Idempotency-Key headers, and two keys must not pass as one.
const KEY = /^"?([\x21\x23-\x2b\x2d-\x7e]{1,200})"?$/

/**
 * The Idempotency-Key header as the service's idempotency key. The IETF
 * draft makes it a structured-field string ("key"); a bare token is accepted
 * too, since most clients send one. Quotes must pair.
 */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const match = KEY.exec(header.trim())
  const quoted = header.trim().startsWith('"')
  if (match === null || quoted !== header.trim().endsWith('"') || (quoted && header.trim().length < 3)) throw new IdempotencyKeyMalformed()
  return match[1]
}
