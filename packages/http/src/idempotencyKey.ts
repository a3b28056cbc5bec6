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
  const value = header.trim()
  const key = KEY.exec(value)?.[1]
  // The pattern lets each quote stand alone; a key is bare or quoted at both ends, never half.
  if (key === undefined || value.startsWith('"') !== value.endsWith('"')) throw new IdempotencyKeyMalformed()
  return key
}
