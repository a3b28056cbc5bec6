import { createHash } from 'node:crypto'

/**
 * What an idempotency key stands for (R4). A key's first append keeps a
 * fingerprint; a later append with the key returns the first result only when
 * its fingerprint is the same, so a key reused for another command is refused
 * instead of silently answering with the first command's result.
 */

/**
 * JSON with every object's keys in code-unit order, so two values that JSON
 * considers equal give the same text whatever order a caller built them in.
 * Takes values that already passed assertJsonValue (or zod): undefined
 * properties are left out, as JSON.stringify leaves them out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`
  const record = value as Record<string, unknown>
  const entries = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
  return `{${entries.join(',')}}`
}

/** sha256 (hex) of the canonical JSON of `value`: the form every fingerprint takes. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')
}

export type FingerprintedEvent = { type: string; schemaVersion: number; data: unknown }

/**
 * The fingerprint a store derives when the caller gives none: the stream and
 * each event's type, schema version and data. Event ids and metadata are left
 * out because a retry of the same command legitimately carries new ones (a
 * fresh causation id, a later recordedAt); the expected version is left out
 * because a retry after a timeout may hold a stale one.
 */
export function appendFingerprint(streamId: string, events: readonly FingerprintedEvent[]): string {
  return fingerprintOf({
    kind: 'append',
    streamId,
    events: events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data })),
  })
}
