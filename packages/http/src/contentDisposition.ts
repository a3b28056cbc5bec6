/**
 * Content-Disposition for a download (RFC 6266). Part of a file name may
 * come from the query (the report's `region`), so it is never interpolated
 * as it is: a quote there would end the quoted name early, a CR LF or a
 * letter past Latin-1 makes `Headers` throw, which answered 500. The name
 * goes as a quoted ASCII `filename` with every other character as `_`, and,
 * when that changed it, exactly as `filename*` in UTF-8 (RFC 8187), which
 * every current browser prefers.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\w.-]/g, '_')
  if (ascii === name) return `attachment; filename="${name}"`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extendedValue(name)}`
}

/** RFC 8187's attr-char leaves out ' ( ) *, which encodeURIComponent keeps. */
function extendedValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
}
