import type { IndexValue } from './store'

/**
 * Index values as keys whose code-point order is the query order (R14), so
 * every adapter compares one text column the same way: SQLite's BINARY
 * collation and PostgreSQL's "C" collation compare UTF-8 bytes, which is
 * code-point order, and the memory adapter compares code points.
 *
 * A key is a type tag and the value: "0" for no scalar value (absent, null,
 * an array or an object: such documents sort first), "b0"/"b1" for false and
 * true, "n" and 16 hex digits for a number, "s" and the text for a string.
 * The tags make types never equal and order booleans < numbers < strings.
 */
export const NO_VALUE_KEY = '0'

export type IndexKind = 'b' | 'n' | 's'

/** One past the last character of any tag: a key of kind k lies in [k, kindEnd(k)). */
export function kindEnd(kind: IndexKind): string {
  return String.fromCharCode(kind.charCodeAt(0) + 1)
}

export function kindOf(value: IndexValue): IndexKind {
  return typeof value === 'boolean' ? 'b' : typeof value === 'number' ? 'n' : 's'
}

export function indexKey(value: IndexValue): string {
  if (typeof value === 'boolean') return value ? 'b1' : 'b0'
  if (typeof value === 'number') return `n${numberKey(value)}`
  return `s${escapeLowCodePoints(value)}`
}

/**
 * IEEE 754 bits, big-endian, with the sign bit flipped for positives and all
 * bits flipped for negatives: unsigned order of the result is numeric order.
 * -0 is keyed as 0, since JSON and === cannot tell them apart.
 */
function numberKey(value: number): string {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value === 0 ? 0 : value)
  const high = view.getUint32(0)
  const low = view.getUint32(4)
  const negative = high >>> 31 === 1
  const orderedHigh = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0
  const orderedLow = negative ? ~low >>> 0 : low
  return orderedHigh.toString(16).padStart(8, '0') + orderedLow.toString(16).padStart(8, '0')
}

/**
 * PostgreSQL text cannot hold U+0000. U+0000 becomes U+0001 U+0001 and U+0001
 * becomes U+0001 U+0002: a prefix-free code that keeps code-point order, so
 * keys of strings still sort like the strings.
 */
function escapeLowCodePoints(text: string): string {
  return /[\u0000\u0001]/.test(text) ? text.replace(/[\u0000\u0001]/g, (char) => (char === '\u0000' ? '\u0001\u0001' : '\u0001\u0002')) : text
}

/** Code-point order (UTF-8 byte order), which SQL adapters get from a binary collation; JavaScript's < compares UTF-16 units instead. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index += 1) {
    const left = a.charCodeAt(index)
    const right = b.charCodeAt(index)
    if (left === right) continue
    // Only surrogates (U+D800-U+DFFF, the halves of code points above U+FFFF)
    // order differently: they must sort after U+E000-U+FFFF.
    const leftSurrogate = left >= 0xd800 && left <= 0xdfff
    const rightSurrogate = right >= 0xd800 && right <= 0xdfff
    if (leftSurrogate !== rightSurrogate && left >= 0xd800 && right >= 0xd800) return leftSurrogate ? 1 : -1
    return left < right ? -1 : 1
  }
  return a.length - b.length
}
