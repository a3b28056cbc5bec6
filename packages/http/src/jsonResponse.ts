/**
 * JSON as this API writes it: bigint positions become decimal strings, since
 * a position past 2^53 would silently lose digits as a JSON number.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))
}

export function jsonResponse(value: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(toJson(value), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } })
}
