import { IfMatchMalformed } from './problem/httpRefusals'

/**
 * An agreement's entity tag is its stream version, weak because the JSON
 * bytes of the same version may differ (language, key order) while the
 * agreement does not. If-Match compares versions, so a client may send the
 * tag back as it got it (W/"3") or strong ("3").
 */
export function etagOf(version: number): string {
  return `W/"${version}"`
}

const ENTITY_TAG = /^(?:W\/)?"(0|[1-9]\d{0,15})"$/

/** The expected version an If-Match asks for: undefined when absent or `*` (any existing version); one tag only. */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined
  const value = ifMatch.trim()
  if (value === '*') return undefined
  const version = Number(ENTITY_TAG.exec(value)?.[1] ?? Number.NaN)
  // Past 2^53 two versions would read as one number; no stream gets there, so such a tag can only be malformed.
  if (!Number.isSafeInteger(version)) throw new IfMatchMalformed()
  return version
}

/** True when If-None-Match names this version (weak comparison, lists and `*` allowed): the client's copy is current. */
export function ifNoneMatchHolds(ifNoneMatch: string | undefined, version: number): boolean {
  if (ifNoneMatch === undefined) return false
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim()
    return value === '*' || ENTITY_TAG.exec(value)?.[1] === String(version)
  })
}
