import type { LocalizedMessage } from '@kerjasama/core'

/**
 * Every error code the API answers with, mapped in this one place to its
 * HTTP status, its problem `type` and its title in both languages. Routes
 * throw KerjasamaErrors and never choose a status themselves, so a code
 * cannot answer 400 on one route and 422 on another.
 *
 * The `type` URIs are identifiers (RFC 9457 §3.1.1): stable, compared as
 * strings; docs/http.md has a section per slug. Changing a slug is a
 * breaking change for every client that switches on it.
 */
export const PROBLEM_TYPE_BASE = 'https://kerjasama.dev/problems/'

export type ProblemKind = {
  status: number
  slug: string
  title: LocalizedMessage
  /** Seconds a client should wait before retrying (Retry-After); only for transient refusals. */
  retryAfterSeconds?: number
  /**
   * Whether the error's own message and details reach the client. False for
   * server faults: their messages may name files, schemas or hosts, so the
   * client sees the generic title and the error goes to onUnexpectedError.
   */
  expose: boolean
}

const kind = (status: number, slug: string, title: LocalizedMessage, extra: Partial<ProblemKind> = {}): ProblemKind => ({ status, slug, title, expose: true, ...extra })

export const problemCatalogue = {
  // 400 — the request itself is malformed; fix it and send again.
  VALIDATION_FAILED: kind(400, 'validation-failed', { id: 'Masukan tidak valid', en: 'Invalid input' }),
  BODY_NOT_JSON: kind(400, 'body-not-json', { id: 'Isi permintaan bukan JSON yang sah', en: 'The request body is not valid JSON' }),
  IDEMPOTENCY_KEY_MALFORMED: kind(400, 'idempotency-key-malformed', { id: 'Kunci idempotensi tidak sah', en: 'Malformed Idempotency-Key' }),
  IF_MATCH_MALFORMED: kind(400, 'if-match-malformed', { id: 'Tajuk If-Match tidak sah', en: 'Malformed If-Match' }),
  STORE_INPUT_INVALID: kind(400, 'store-input-invalid', { id: 'Masukan ditolak oleh penyimpanan', en: 'Input refused by the store' }),
  // 401 / 403 — who is asking, and whether they may.
  NOT_AUTHENTICATED: kind(401, 'not-authenticated', { id: 'Pengguna belum dikenali', en: 'Not authenticated' }),
  NOT_AUTHORIZED: kind(403, 'not-authorized', { id: 'Peran pengguna tidak berwenang atas langkah ini', en: 'The user’s role may not take this step' }),
  ACTOR_NOT_OF_INITIATING_REGION: kind(403, 'actor-not-of-initiating-region', { id: 'Pengguna tidak bertindak atas nama daerah pemrakarsa', en: 'The user does not act for the initiating region' }),
  ACTOR_NOT_OF_PARTY: kind(403, 'actor-not-of-party', { id: 'Pengguna tidak bertindak atas nama pihak yang bersangkutan', en: 'The user does not act for the party concerned' }),
  ACTOR_OUTSIDE_AGREEMENT: kind(403, 'actor-outside-agreement', { id: 'Pengguna bukan pihak dalam kerja sama ini', en: 'The user is no party to this agreement' }),
  AGREEMENT_OUTSIDE_TENANT: kind(403, 'agreement-outside-tenant', { id: 'Kerja sama di luar wilayah penyimpanan ini', en: 'The agreement lies outside this store’s region' }),
  TENANT_NOT_GRANTED: kind(403, 'tenant-not-granted', { id: 'Tidak ada akses ke data daerah tersebut', en: 'No access to that region’s data' }),
  // 404
  AGREEMENT_NOT_FOUND: kind(404, 'agreement-not-found', { id: 'Kerja sama tidak ditemukan', en: 'Agreement not found' }),
  ROUTE_NOT_FOUND: kind(404, 'route-not-found', { id: 'Alamat tidak dikenal', en: 'No such route' }),
  // 405 — the address exists, the method does not.
  METHOD_NOT_ALLOWED: kind(405, 'method-not-allowed', { id: 'Metode ini tidak dilayani di alamat ini', en: 'Method not allowed at this address' }),
  // 409 / 412 — another write came first.
  STREAM_VERSION_CONFLICT: kind(409, 'version-conflict', { id: 'Kerja sama sedang diubah oleh permintaan lain', en: 'The agreement was changed by another request' }, { retryAfterSeconds: 1 }),
  PRECONDITION_FAILED: kind(412, 'precondition-failed', { id: 'Versi kerja sama sudah berubah', en: 'The agreement’s version has changed' }),
  // 413 / 415 — the body cannot be taken as it is.
  BODY_TOO_LARGE: kind(413, 'body-too-large', { id: 'Isi permintaan terlalu besar', en: 'Request body too large' }),
  PAYLOAD_TOO_LARGE: kind(413, 'payload-too-large', { id: 'Data peristiwa melebihi batas penyimpanan', en: 'Event payload exceeds the store’s limit' }),
  UNSUPPORTED_MEDIA_TYPE: kind(415, 'unsupported-media-type', { id: 'Jenis isi permintaan tidak didukung', en: 'Unsupported media type' }),
  // 422 — well-formed, but the rules refuse it.
  GUARD_VIOLATION: kind(422, 'guard-violation', { id: 'Langkah ditolak oleh aturan kerja sama', en: 'The step is refused by the agreement rules' }),
  IDEMPOTENCY_KEY_REUSED: kind(422, 'idempotency-key-reused', { id: 'Kunci idempotensi sudah dipakai untuk perintah lain', en: 'Idempotency key already used for another command' }),
  // 5xx
  INTERNAL_ERROR: kind(500, 'internal-error', { id: 'Terjadi kesalahan pada server', en: 'Internal server error' }, { expose: false }),
  // A region's own rule threw: the client cannot fix that, but may know which rule holds the command up.
  GUARD_FAILED: kind(500, 'guard-failed', { id: 'Aturan daerah gagal dijalankan', en: 'A region rule failed to run' }),
  RUNNER_NOT_CONFIGURED: kind(501, 'runner-not-configured', { id: 'Server ini tidak menjalankan proyeksi', en: 'This server runs no projections' }),
  STORE_UNAVAILABLE: kind(503, 'store-unavailable', { id: 'Penyimpanan sedang tidak tersedia', en: 'The store is unavailable' }, { retryAfterSeconds: 2 }),
  PROJECTION_CATCH_UP_TIMEOUT: kind(503, 'projection-catch-up-timeout', { id: 'Data bacaan belum memuat perubahan terakhir', en: 'The read models have not caught up yet' }, { retryAfterSeconds: 1 }),
  PROJECTION_FAILED: kind(503, 'projection-failed', { id: 'Proyeksi berhenti pada suatu peristiwa', en: 'A projection stopped at an event' }),
} as const satisfies Record<string, ProblemKind>

export type ProblemCode = keyof typeof problemCatalogue

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(problemCatalogue, code)
}
