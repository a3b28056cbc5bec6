/**
 * The dashboard runs no script at all, so the policy allows none; styles come
 * only from its own stylesheet (no inline style, no style attribute), images
 * only from itself or data: URLs, forms post only to itself, and no other site
 * may frame it (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

export function pageHeaders(lang: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-language': lang,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    // Pages show what the signed-in officer may read; no shared cache may keep them.
    'cache-control': 'no-store',
    vary: 'Cookie, Authorization',
  }
}
