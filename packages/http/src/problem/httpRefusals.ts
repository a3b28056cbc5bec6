import { KerjasamaError } from '@kerjasama/core'
import type { LocalizedMessage, RefusalBasis, RefusalReason } from '@kerjasama/core'

/**
 * The refusals the HTTP layer makes itself, before or around the service.
 * Each is a KerjasamaError in core's refusal shape (one reason in
 * `violations`), so a client renders them exactly like a guard's.
 */
class HttpRefusal extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(code: string, message: LocalizedMessage, basis: RefusalBasis, details: Record<string, unknown> = {}) {
    super(code, message, details)
    this.violations = [{ code, message, basis, details }]
  }
}

const HTTP_SEMANTICS = (section: string): RefusalBasis => ({ kind: 'schema', source: `RFC 9110 (HTTP Semantics), ${section}` })
const THIS_API: RefusalBasis = { kind: 'policy', source: 'Kerjasama HTTP API (docs/http.md)' }

export class NotAuthenticated extends HttpRefusal {
  constructor() {
    super(
      'NOT_AUTHENTICATED',
      { id: 'Permintaan ini tidak membawa identitas pengguna yang dikenali; masuk terlebih dahulu', en: 'This request carries no recognised user; sign in first' },
      HTTP_SEMANTICS('401 Unauthorized'),
    )
  }
}

export class UnsupportedMediaType extends HttpRefusal {
  constructor(received: string | undefined) {
    super(
      'UNSUPPORTED_MEDIA_TYPE',
      {
        id: `Isi permintaan harus berjenis application/json; yang diterima: ${received ?? 'tanpa Content-Type'}`,
        en: `The request body must be application/json; received: ${received ?? 'no Content-Type'}`,
      },
      HTTP_SEMANTICS('415 Unsupported Media Type'),
      { received: received ?? null, accepted: ['application/json'] },
    )
  }
}

export class BodyTooLarge extends HttpRefusal {
  constructor(limit: number) {
    super(
      'BODY_TOO_LARGE',
      { id: `Isi permintaan melebihi batas ${limit} bita; tidak ada yang dicatat`, en: `The request body exceeds the ${limit}-byte limit; nothing was recorded` },
      { kind: 'policy', source: 'maxBodyBytes of the Kerjasama HTTP handler' },
      { limit },
    )
  }
}

export class BodyNotJson extends HttpRefusal {
  constructor() {
    super(
      'BODY_NOT_JSON',
      { id: 'Isi permintaan tidak dapat dibaca sebagai JSON; periksa tanda kutip, koma dan kurungnya', en: 'The request body cannot be read as JSON; check its quotes, commas and brackets' },
      { kind: 'schema', source: 'RFC 8259 (JSON)' },
    )
  }
}

export class IdempotencyKeyMalformed extends HttpRefusal {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_MALFORMED',
      {
        id: 'Tajuk Idempotency-Key harus berisi satu kunci sepanjang 1–200 karakter ASCII yang terlihat, tanpa spasi, boleh diapit tanda kutip',
        en: 'The Idempotency-Key header must hold one key of 1–200 visible ASCII characters, without spaces, optionally in double quotes',
      },
      { kind: 'schema', source: 'IETF draft "The Idempotency-Key HTTP Header Field"' },
    )
  }
}

export class IfMatchMalformed extends HttpRefusal {
  constructor() {
    super(
      'IF_MATCH_MALFORMED',
      {
        id: 'Tajuk If-Match harus berisi satu ETag kerja sama seperti W/"3" (atau *)',
        en: 'The If-Match header must hold one agreement ETag such as W/"3" (or *)',
      },
      HTTP_SEMANTICS('13.1.1 If-Match'),
    )
  }
}

/** If-Match named a version the agreement no longer has (or never had); nothing was written. */
export class PreconditionFailed extends HttpRefusal {
  constructor(agreementId: string, expected: number, actual: number | undefined) {
    const now = actual === undefined ? { id: 'versi sekarang tidak diketahui', en: 'its current version is unknown' } : { id: `versi sekarang ${actual}`, en: `it is now at version ${actual}` }
    super(
      'PRECONDITION_FAILED',
      {
        id: `Kerja sama ${agreementId} bukan lagi versi ${expected} (${now.id}); tidak ada yang dicatat. Muat ulang kerja sama itu lalu putuskan kembali`,
        en: `Agreement ${agreementId} is no longer at version ${expected} (${now.en}); nothing was recorded. Reload it and decide again`,
      },
      HTTP_SEMANTICS('412 Precondition Failed'),
      { agreementId, expectedVersion: expected, ...(actual === undefined ? {} : { actualVersion: actual }) },
    )
  }
}

export class RouteNotFound extends HttpRefusal {
  constructor(method: string, path: string) {
    super(
      'ROUTE_NOT_FOUND',
      { id: `Tidak ada layanan ${method} ${path}; daftar alamat ada di openapi.json`, en: `There is no ${method} ${path}; the routes are listed in openapi.json` },
      THIS_API,
      { method, path },
    )
  }
}

/** A known address asked with a method it does not serve; `allowed` becomes the Allow header (RFC 9110 §15.5.6). */
export class MethodNotAllowed extends HttpRefusal {
  constructor(method: string, path: string, allowed: readonly string[]) {
    super(
      'METHOD_NOT_ALLOWED',
      {
        id: `Alamat ${path} tidak melayani ${method}; yang dilayani: ${allowed.join(', ')}`,
        en: `${path} does not serve ${method}; it serves ${allowed.join(', ')}`,
      },
      HTTP_SEMANTICS('405 Method Not Allowed'),
      { method, path, allowed: [...allowed] },
    )
  }
}

export class RunnerNotConfigured extends HttpRefusal {
  constructor(asked: 'waitFor' | 'status') {
    super(
      'RUNNER_NOT_CONFIGURED',
      {
        id: `Server ini tidak diberi pelaksana proyeksi (runner), sehingga ${asked === 'waitFor' ? 'tidak dapat menunggu data bacaan mengejar (waitFor)' : 'tidak dapat melaporkan status proyeksi'}`,
        en: `This server was given no projection runner, so it cannot ${asked === 'waitFor' ? 'wait for the read models to catch up (waitFor)' : 'report the projections’ status'}`,
      },
      THIS_API,
      { asked },
    )
  }
}
