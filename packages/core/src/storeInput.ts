import { InvalidStoreInput, PayloadTooLarge } from './errors'
import { appendFingerprint } from './idempotencyFingerprint'
import { storeInputReasons as reasons } from './storeInputReasons'
import type { AppendOptions, NewEvent } from './store'

/**
 * Input checks every adapter runs before it writes anything (R9, R10), so a
 * bad append fails the same way, with the same code, on every backend.
 */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024
export const MAX_STREAM_ID_LENGTH = 200
export const MAX_EVENTS_PER_APPEND = 10_000

// Control characters would break the newline-separated hash input and are
// never meaningful in an identifier.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

export function assertIdentifier(kind: string, value: unknown, maxLength = MAX_STREAM_ID_LENGTH): asserts value is string {
  if (typeof value !== 'string') throw new InvalidStoreInput(reasons.mustBeString(kind), { field: kind })
  if (value.length === 0) throw new InvalidStoreInput({ id: `${kind} kosong`, en: `${kind} is empty` }, { field: kind })
  if (value.length > maxLength) {
    throw new InvalidStoreInput({ id: `${kind} lebih panjang dari ${maxLength} karakter`, en: `${kind} is longer than ${maxLength} characters` }, { field: kind, length: value.length })
  }
  if (CONTROL_CHARACTERS.test(value)) {
    throw new InvalidStoreInput({ id: `${kind} mengandung karakter kontrol`, en: `${kind} contains control characters` }, { field: kind })
  }
  if (!value.isWellFormed()) {
    throw new InvalidStoreInput({ id: `${kind} bukan Unicode yang tersusun benar (well-formed)`, en: `${kind} is not well-formed Unicode` }, { field: kind })
  }
}

/**
 * How deep objects and arrays may nest in stored JSON. No record of an
 * agreement nests a tenth as deep; a value nested some thousands deep would
 * overflow the stack of the walk below, or of `JSON.stringify`, with a
 * RangeError that is no coded refusal, and a projection writing one would be
 * retried as a store failure for ever instead of stopping at its event.
 */
export const MAX_JSON_DEPTH = 256

/**
 * Throws unless `value` survives JSON exactly: plain objects, arrays, strings
 * (well-formed Unicode), finite numbers, booleans and null, nested at most
 * MAX_JSON_DEPTH deep. Object properties that are `undefined` are treated as
 * absent, as JSON does.
 */
export function assertJsonValue(value: unknown, field: string): void {
  if (isPlainJson(value, 0)) return
  throwJsonProblem(value, field)
}

/**
 * Nesting beyond which the quick walk gives up and leaves the value to the
 * full one: a cycle nests without end, so the quick walk needs no record of
 * the objects it is inside. The full walk refuses what nests deeper.
 */
const QUICK_WALK_DEPTH = MAX_JSON_DEPTH

/**
 * The common case, a value that is fine, without the paths and the record of
 * ancestors the error messages need. It accepts only what the full walk
 * accepts; anything else (including what is merely unusual: a hole in an
 * array, nesting deeper than QUICK_WALK_DEPTH) goes to the full walk, which
 * accepts it or throws the error naming the first problem.
 */
function isPlainJson(node: unknown, depth: number): boolean {
  if (node === null) return true
  switch (typeof node) {
    case 'string':
      return node.isWellFormed()
    case 'number':
      return Number.isFinite(node)
    case 'boolean':
      return true
    case 'object':
      break
    default:
      return false
  }
  if (depth >= QUICK_WALK_DEPTH) return false
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index += 1) {
      const item: unknown = node[index]
      if (item === undefined || !isPlainJson(item, depth + 1)) return false
    }
    return true
  }
  const prototype = Object.getPrototypeOf(node)
  if (prototype !== Object.prototype && prototype !== null) return false
  const record = node as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!key.isWellFormed()) return false
    const child = record[key]
    if (child !== undefined && !isPlainJson(child, depth + 1)) return false
  }
  return true
}

function throwJsonProblem(value: unknown, field: string): void {
  const seen = new Set<object>()
  const visit = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node === 'boolean') return
    if (typeof node === 'string') {
      if (!node.isWellFormed()) {
        throw new InvalidStoreInput({ id: `${path} berisi string yang bukan Unicode tersusun benar (well-formed)`, en: `${path} holds a string that is not well-formed Unicode` }, { field: path })
      }
      return
    }
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) {
        throw new InvalidStoreInput({ id: `${path} berisi angka yang tidak dapat dinyatakan dalam JSON`, en: `${path} holds a number JSON cannot represent` }, { field: path })
      }
      return
    }
    if (typeof node !== 'object') {
      throw new InvalidStoreInput({ id: `${path} berisi ${typeof node}, yang tidak dapat dinyatakan dalam JSON`, en: `${path} holds a ${typeof node}, which JSON cannot represent` }, { field: path })
    }
    if (seen.has(node)) throw new InvalidStoreInput({ id: `${path} memuat rujukan melingkar (siklik)`, en: `${path} is cyclic` }, { field: path })
    if (depth >= MAX_JSON_DEPTH) {
      // The path of the deepest node would be thousands of characters long: the field is named where the limit was passed, shortened.
      throw new InvalidStoreInput(
        { id: `${field} bersarang lebih dalam dari ${MAX_JSON_DEPTH} tingkat`, en: `${field} is nested deeper than ${MAX_JSON_DEPTH} levels` },
        { field, maxDepth: MAX_JSON_DEPTH },
      )
    }
    seen.add(node)
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        if (item === undefined) {
          throw new InvalidStoreInput({ id: `${path}[${index}] bernilai undefined`, en: `${path}[${index}] is undefined` }, { field: path })
        }
        visit(item, `${path}[${index}]`, depth + 1)
      })
    } else {
      const prototype = Object.getPrototypeOf(node)
      if (prototype !== Object.prototype && prototype !== null) {
        throw new InvalidStoreInput({ id: `${path} bukan objek biasa (plain object)`, en: `${path} is not a plain object` }, { field: path })
      }
      for (const [key, child] of Object.entries(node)) {
        if (!key.isWellFormed()) {
          throw new InvalidStoreInput({ id: `${path} memiliki kunci yang bukan Unicode tersusun benar (well-formed)`, en: `${path} has a key that is not well-formed Unicode` }, { field: path })
        }
        if (child !== undefined) visit(child, `${path}.${key}`, depth + 1)
      }
    }
    seen.delete(node)
  }
  visit(value, field, 0)
}

export type SerializedEvent = {
  id: string | undefined
  type: string
  schemaVersion: number
  dataJson: string
  metadataJson: string
}

export type AppendLimits = { maxEventBytes?: number }

/** A keyed append's key and the fingerprint the store keeps with it: the caller's, or the one derived from the append (R4). */
export type IdempotencyClaim = { key: string; fingerprint: string }

export type PreparedAppend = { streamId: string; events: SerializedEvent[]; options: AppendOptions; idempotency: IdempotencyClaim | undefined }

/** Validates an append's arguments and serialises each event once; throws a coded error and nothing has been written. */
export function prepareAppend(streamId: unknown, events: unknown, options: unknown, limits: AppendLimits = {}): PreparedAppend {
  assertIdentifier('streamId', streamId)
  if (!Array.isArray(events)) throw new InvalidStoreInput(reasons.mustBeArray('events'), { field: 'events' })
  if (events.length === 0) {
    throw new InvalidStoreInput({ id: 'append memerlukan sedikitnya satu peristiwa', en: 'an append needs at least one event' }, { field: 'events' })
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidStoreInput({ id: `satu append memuat paling banyak ${MAX_EVENTS_PER_APPEND} peristiwa`, en: `an append holds at most ${MAX_EVENTS_PER_APPEND} events` }, { field: 'events' })
  }
  const appendOptions = checkAppendOptions(options)
  const maxEventBytes = limits.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES
  const serialized = events.map((event: unknown, index): SerializedEvent => {
    if (typeof event !== 'object' || event === null) throw new InvalidStoreInput(reasons.notAnObject(`events[${index}]`), { field: 'events' })
    const candidate = event as Partial<NewEvent>
    if (candidate.id !== undefined) assertIdentifier(`events[${index}].id`, candidate.id, 100)
    assertIdentifier(`events[${index}].type`, candidate.type, 100)
    if (!Number.isInteger(candidate.schemaVersion) || (candidate.schemaVersion as number) < 1) {
      throw new InvalidStoreInput(reasons.wholeNumber(`events[${index}].schemaVersion`, 1), { field: 'schemaVersion' })
    }
    if (candidate.data === undefined) {
      throw new InvalidStoreInput({ id: `events[${index}].data tidak ada`, en: `events[${index}].data is missing` }, { field: 'data' })
    }
    assertJsonValue(candidate.data, `events[${index}].data`)
    if (typeof candidate.metadata !== 'object' || candidate.metadata === null) {
      throw new InvalidStoreInput(reasons.notAnObject(`events[${index}].metadata`), { field: 'metadata' })
    }
    assertJsonValue(candidate.metadata, `events[${index}].metadata`)
    const dataJson = JSON.stringify(candidate.data)
    const metadataJson = JSON.stringify(candidate.metadata)
    const bytes = Buffer.byteLength(dataJson, 'utf8') + Buffer.byteLength(metadataJson, 'utf8')
    if (bytes > maxEventBytes) throw new PayloadTooLarge(bytes, maxEventBytes)
    return { id: candidate.id, type: candidate.type as string, schemaVersion: candidate.schemaVersion as number, dataJson, metadataJson }
  })
  const key = appendOptions.idempotencyKey
  if (key === undefined) return { streamId, events: serialized, options: appendOptions, idempotency: undefined }
  assertIdentifier('idempotencyKey', key)
  const fingerprint = appendOptions.idempotencyFingerprint ?? appendFingerprint(streamId, events as NewEvent[])
  return { streamId, events: serialized, options: appendOptions, idempotency: { key, fingerprint } }
}

function checkAppendOptions(options: unknown): AppendOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidStoreInput({ id: 'opsi append wajib diberikan', en: 'append options are required' }, { field: 'options' })
  }
  const { expectedVersion, idempotencyKey, idempotencyFingerprint } = options as Record<string, unknown>
  const versionOk = expectedVersion === 'none' || expectedVersion === 'any' || (Number.isSafeInteger(expectedVersion) && (expectedVersion as number) >= 0)
  if (!versionOk) {
    throw new InvalidStoreInput({ id: 'expectedVersion harus berupa bilangan bulat non-negatif, "none" atau "any"', en: 'expectedVersion must be a non-negative integer, "none" or "any"' }, { field: 'expectedVersion' })
  }
  if (idempotencyKey !== undefined && typeof idempotencyKey !== 'string') {
    throw new InvalidStoreInput(reasons.mustBeString('idempotencyKey'), { field: 'idempotencyKey' })
  }
  const checked: AppendOptions = { expectedVersion: expectedVersion as AppendOptions['expectedVersion'] }
  if (idempotencyKey !== undefined) checked.idempotencyKey = idempotencyKey
  if (idempotencyFingerprint !== undefined) {
    // A fingerprint alone protects nothing: the caller believes a retry is safe when no key makes it so.
    if (idempotencyKey === undefined) {
      throw new InvalidStoreInput(
        { id: 'idempotencyFingerprint hanya berlaku bersama idempotencyKey', en: 'idempotencyFingerprint only applies together with idempotencyKey' },
        { field: 'idempotencyFingerprint' },
      )
    }
    assertIdentifier('idempotencyFingerprint', idempotencyFingerprint)
    checked.idempotencyFingerprint = idempotencyFingerprint
  }
  return checked
}

/** True when a stream at `actual` satisfies `expected`. */
export function expectedVersionMatches(expected: AppendOptions['expectedVersion'], actual: number): boolean {
  if (expected === 'any') return true
  if (expected === 'none') return actual === 0
  return expected === actual
}

export function checkTenantScope(scope: { tenant?: unknown; readTenants?: unknown }): { tenant: string; readable: string[] } {
  const tenant = scope.tenant ?? 'default'
  assertIdentifier('tenant', tenant, 64)
  const extra = scope.readTenants ?? []
  if (!Array.isArray(extra)) throw new InvalidStoreInput(reasons.mustBeArray('readTenants'), { field: 'readTenants' })
  extra.forEach((t) => assertIdentifier('readTenants[]', t, 64))
  return { tenant, readable: [...new Set([tenant, ...(extra as string[])])] }
}

/**
 * A whole-number option (a size, a timeout, a bound) from configuration:
 * undefined stays undefined; anything else must be a safe integer of at least
 * `min`, or the caller gets a coded error naming the field before anything opens.
 */
export function optionalIntegerOption(field: string, value: unknown, min: 0 | 1): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new InvalidStoreInput(reasons.wholeNumber(field, min), { field })
  }
  return value as number
}

export const DEFAULT_READ_BATCH_SIZE = 500

export type StreamRange = { fromVersion: number; toVersion: number; tenant: unknown }

/** Read options are checked up front so a typo fails with a coded error instead of reading the wrong range (R10). */
export function checkReadStreamOptions(options: unknown): StreamRange {
  if (options === undefined) return { fromVersion: 1, toVersion: Number.MAX_SAFE_INTEGER, tenant: undefined }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(reasons.optionsMustBeObject('readStream'), { field: 'options' })
  const { fromVersion, toVersion, tenant } = options as Record<string, unknown>
  return {
    fromVersion: optionalIntegerOption('fromVersion', fromVersion, 0) ?? 1,
    toVersion: optionalIntegerOption('toVersion', toVersion, 0) ?? Number.MAX_SAFE_INTEGER,
    tenant,
  }
}

/** verify's options: the one stream to check, or undefined for every readable stream. */
export function checkVerifyOptions(options: unknown): string | undefined {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(reasons.optionsMustBeObject('verify'), { field: 'options' })
  const { streamId } = options as { streamId?: unknown }
  if (streamId !== undefined) assertIdentifier('streamId', streamId)
  return streamId as string | undefined
}

export function checkReadAllOptions(options: unknown): { fromPosition: bigint; batchSize: number } {
  if (options === undefined) return { fromPosition: 1n, batchSize: DEFAULT_READ_BATCH_SIZE }
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(reasons.optionsMustBeObject('readAll'), { field: 'options' })
  const { fromPosition, batchSize } = options as Record<string, unknown>
  if (fromPosition !== undefined && (typeof fromPosition !== 'bigint' || fromPosition < 0n)) {
    throw new InvalidStoreInput({ id: 'fromPosition harus berupa bigint non-negatif', en: 'fromPosition must be a non-negative bigint' }, { field: 'fromPosition' })
  }
  return { fromPosition: (fromPosition as bigint | undefined) ?? 1n, batchSize: optionalIntegerOption('batchSize', batchSize, 1) ?? DEFAULT_READ_BATCH_SIZE }
}
