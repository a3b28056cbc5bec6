import type { z } from 'zod'
import type { LocalizedMessage, ValidationIssue } from './errors'

/**
 * The library's own wording for the schema issues its inputs meet, in Bahasa
 * Indonesia as an official writes it and in plain English, with a stable code
 * per kind of problem. zod's locales read like machine output ("Terlalu
 * kecil: diharapkan array memiliki >=1 item"); a form shows these instead.
 *
 * Only the shape of the input is ever quoted (which type it has, which keys
 * it holds), never a value: issues end up in logs next to legal records.
 */
export const fieldCodes = {
  required: 'FIELD_REQUIRED',
  unknown: 'FIELD_UNKNOWN',
  invalidType: 'FIELD_INVALID_TYPE',
  tooSmall: 'FIELD_TOO_SMALL',
  tooBig: 'FIELD_TOO_BIG',
  invalidValue: 'FIELD_INVALID_VALUE',
  invalidFormat: 'FIELD_INVALID_FORMAT',
  invalid: 'FIELD_INVALID',
} as const

type Issue = z.core.$ZodIssue
type Worded = { code: string; message: LocalizedMessage }

/** Key names come from the caller: a hostile one must not flood a log line. */
const MAX_KEY_LENGTH = 60
const MAX_KEYS_LISTED = 10

const typeNames: Record<string, { id: string; en: string }> = {
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  bigint: { id: 'bilangan bulat besar', en: 'a big integer' },
  boolean: { id: 'nilai benar/salah', en: 'true or false' },
  object: { id: 'objek', en: 'an object' },
  array: { id: 'daftar', en: 'a list' },
  date: { id: 'tanggal', en: 'a date' },
  null: { id: 'null', en: 'null' },
  function: { id: 'fungsi', en: 'a function' },
  symbol: { id: 'simbol', en: 'a symbol' },
  nan: { id: 'NaN', en: 'NaN' },
  infinity: { id: 'tak hingga (Infinity)', en: 'Infinity' },
  map: { id: 'peta (Map)', en: 'a Map' },
  set: { id: 'himpunan (Set)', en: 'a Set' },
}

const formats: Record<string, { id: string; en: string }> = {
  date: { id: 'Harus berupa tanggal dengan bentuk TTTT-BB-HH, misalnya 2022-05-21', en: 'Must be a date as YYYY-MM-DD, e.g. 2022-05-21' },
  datetime: {
    id: 'Harus berupa waktu ISO 8601 dengan zona waktu, misalnya 2022-05-21T02:00:00Z',
    en: 'Must be an ISO 8601 instant with its offset, e.g. 2022-05-21T02:00:00Z',
  },
  url: { id: 'Harus berupa alamat URL yang sah (http atau https)', en: 'Must be a valid URL (http or https)' },
  regex: { id: 'Bentuknya tidak sesuai ketentuan', en: 'Does not have the required form' },
}

function typeName(name: string): { id: string; en: string } {
  return typeNames[name] ?? { id: name, en: name }
}

function idNumber(value: number | bigint): string {
  return String(value).replace('.', ',')
}

export function shownKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `${key.slice(0, MAX_KEY_LENGTH)}…`
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/** What kind of value sits at `path` in the input, or 'missing'. */
function kindAt(input: unknown, path: readonly PropertyKey[]): string {
  const current = valueAt(input, path)
  if (current === undefined) return 'missing'
  if (current === null) return 'null'
  if (Array.isArray(current)) return 'array'
  if (typeof current === 'number' && Number.isNaN(current)) return 'nan'
  // zod calls ±Infinity no number; "a number, not a number" would be the answer.
  if (typeof current === 'number' && !Number.isFinite(current)) return 'infinity'
  if (current instanceof Date) return 'date'
  if (current instanceof Map) return 'map'
  if (current instanceof Set) return 'set'
  return typeof current
}

function sizeWords(origin: string, bound: number | bigint, kind: 'min' | 'max', inclusive: boolean): LocalizedMessage {
  const n = idNumber(bound)
  const plain = String(bound)
  if (origin === 'array' || origin === 'set') {
    return kind === 'min'
      ? { id: `Harus berisi sekurang-kurangnya ${n} butir`, en: `Must hold at least ${plain} ${bound === 1 ? 'item' : 'items'}` }
      : { id: `Paling banyak berisi ${n} butir`, en: `Must hold at most ${plain} ${bound === 1 ? 'item' : 'items'}` }
  }
  if (origin === 'string') {
    if (kind === 'min' && Number(bound) === 1) return { id: 'Tidak boleh kosong', en: 'Must not be empty' }
    return kind === 'min'
      ? { id: `Paling sedikit ${n} karakter`, en: `Must be at least ${plain} characters long` }
      : { id: `Paling panjang ${n} karakter`, en: `Must be at most ${plain} characters long` }
  }
  if (kind === 'min') {
    return inclusive ? { id: `Paling kecil ${n}`, en: `Must be at least ${plain}` } : { id: `Harus lebih besar dari ${n}`, en: `Must be greater than ${plain}` }
  }
  return inclusive ? { id: `Paling besar ${n}`, en: `Must be at most ${plain}` } : { id: `Harus lebih kecil dari ${n}`, en: `Must be less than ${plain}` }
}

function quoted(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `"${value}"` : String(value))).join(', ')
}

/** One issue worded in both languages; `input` is only looked at for the kind of value at the issue's path. */
function word(issue: Issue, input: unknown, what: LocalizedMessage): Worded {
  switch (issue.code) {
    case 'invalid_type': {
      const received = kindAt(input, issue.path)
      if (received === 'missing') return { code: fieldCodes.required, message: { id: 'Wajib diisi', en: 'Required' } }
      const expected = typeName(issue.expected)
      const got = typeName(received)
      return { code: fieldCodes.invalidType, message: { id: `Harus berupa ${expected.id}, bukan ${got.id}`, en: `Must be ${expected.en}, not ${got.en}` } }
    }
    case 'too_small':
      return { code: fieldCodes.tooSmall, message: sizeWords(issue.origin, issue.minimum, 'min', issue.inclusive !== false) }
    case 'too_big':
      return { code: fieldCodes.tooBig, message: sizeWords(issue.origin, issue.maximum, 'max', issue.inclusive !== false) }
    case 'invalid_value': {
      if (kindAt(input, issue.path) === 'missing') return { code: fieldCodes.required, message: { id: 'Wajib diisi', en: 'Required' } }
      const [only, ...more] = issue.values
      return more.length === 0
        ? { code: fieldCodes.invalidValue, message: { id: `Harus bernilai ${quoted([only])}`, en: `Must be ${quoted([only])}` } }
        : { code: fieldCodes.invalidValue, message: { id: `Harus salah satu dari: ${quoted(issue.values)}`, en: `Must be one of: ${quoted(issue.values)}` } }
    }
    case 'invalid_format': {
      const known = formats[issue.format]
      return { code: fieldCodes.invalidFormat, message: known ?? { id: `Bentuk ${issue.format} tidak sah`, en: `Not a valid ${issue.format}` } }
    }
    case 'not_multiple_of':
      return { code: fieldCodes.invalidValue, message: { id: `Harus kelipatan ${idNumber(issue.divisor)}`, en: `Must be a multiple of ${String(issue.divisor)}` } }
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, MAX_KEYS_LISTED).map(shownKey).join(', ')
      return { code: fieldCodes.unknown, message: { id: `Kolom tidak dikenal: ${keys}`, en: `Unknown field: ${keys}` } }
    }
    case 'invalid_union':
      return wordUnion(issue, input, what)
    case 'invalid_key':
      return { code: fieldCodes.invalid, message: { id: 'Kunci tidak sah', en: 'Invalid key' } }
    case 'invalid_element':
      return { code: fieldCodes.invalid, message: { id: 'Isi tidak sah', en: 'Invalid entry' } }
    case 'custom': {
      const messageId = (issue.params as { messageId?: unknown } | undefined)?.messageId
      return { code: fieldCodes.invalid, message: { id: typeof messageId === 'string' ? messageId : 'Isian tidak sah', en: issue.message } }
    }
  }
  return { code: fieldCodes.invalid, message: { id: 'Isian tidak sah', en: 'Invalid value' } }
}

function wordUnion(issue: Extract<Issue, { code: 'invalid_union' }>, input: unknown, what: LocalizedMessage): Worded {
  const { discriminator, options } = issue as { discriminator?: string; options?: readonly unknown[] }
  if (discriminator !== undefined && options !== undefined) {
    const valid = quoted(options)
    const missing = kindAt(input, issue.path) === 'missing'
    if (discriminator === 'type') {
      return missing
        ? { code: fieldCodes.required, message: { id: `Jenis ${what.id} wajib diisi. Yang berlaku: ${valid}`, en: `The ${what.en} type is required. Valid types: ${valid}` } }
        : { code: fieldCodes.invalidValue, message: { id: `Jenis ${what.id} tidak dikenal. Yang berlaku: ${valid}`, en: `Unknown ${what.en} type. Valid types: ${valid}` } }
    }
    return missing
      ? { code: fieldCodes.required, message: { id: `Wajib diisi; salah satu dari: ${valid}`, en: `Required; one of: ${valid}` } }
      : { code: fieldCodes.invalidValue, message: { id: `Harus salah satu dari: ${valid}`, en: `Must be one of: ${valid}` } }
  }
  // Every branch failed in one way at the union itself (a date or an
  // instant): the caller may give either, so both are named.
  const branches = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.path.length === 0 ? branch[0]! : undefined))
  if (branches.length > 0 && branches.every((branch) => branch !== undefined)) {
    const worded = branches.map((branch) => word(branch!, valueAt(input, issue.path), what).message)
    const joined = (texts: string[], or: string) => texts.map((text, index) => (index === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1))).join(`, ${or} `)
    return { code: fieldCodes.invalid, message: { id: joined(worded.map((message) => message.id), 'atau'), en: joined(worded.map((message) => message.en), 'or') } }
  }
  return { code: fieldCodes.invalid, message: { id: 'Tidak sesuai dengan bentuk mana pun yang diizinkan', en: 'Does not match any of the allowed forms' } }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key) => shownKey(String(key))).join('.')
}

/**
 * The issues of a failed parse, each worded in both languages. An unknown-key
 * issue becomes one issue per key, with the key in its path, so a form can
 * mark the very field that was misspelt.
 */
export function wordedIssues(issues: readonly Issue[], input: unknown, what: LocalizedMessage): ValidationIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.slice(0, MAX_KEYS_LISTED).map((key) => {
        const field = shownKey(key)
        return { path: pathOf([...issue.path, key]), code: fieldCodes.unknown, message: `Unknown field: ${field}`, messageId: `Kolom tidak dikenal: ${field}` }
      })
    }
    const { code, message } = word(issue, input, what)
    return [{ path: pathOf(issue.path), code, message: message.en, messageId: message.id }]
  })
}
