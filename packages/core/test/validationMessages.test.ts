import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openMemoryStore } from '@kerjasama/store-memory'
import { commandTypes, decide, fold, parseAgreementCommand, parseAgreementEvent, resolvePolicy } from '../src/agreement'
import { KerjasamaError, ValidationError } from '../src/errors'
import { createAgreementService } from '../src/handler'
import { parseOrThrow } from '../src/validation'
import { actors, commands, context, refusal } from './agreement/scenario'

// Words every Indonesian issue text has one of, in the library's own wording.
// None of them occurs in the English messages.
const INDONESIAN = /tidak (valid|sah|dikenal|boleh|ditangani|ada|sesuai)|harus|wajib|paling|sekurang-kurangnya|bentuk/i
// zod's English wording; quoted values are left out, as enum values may be in either language.
const ENGLISH = /\b(invalid|expected|received|too (big|small)|unrecognized|must)\b/i
const unquoted = (text: string): string => text.replace(/"[^"]*"|'[^']*'/g, '')

function validationErrorOf(run: () => unknown): ValidationError {
  const error = refusal(run)
  if (error instanceof ValidationError) return error
  throw error
}

function expectBilingualIssues(error: ValidationError): void {
  expect(error.issues.length).toBeGreaterThan(0)
  for (const issue of error.issues) {
    expect(issue.messageId).not.toBe(issue.message)
    expect(issue.messageId).toMatch(INDONESIAN)
    expect(unquoted(issue.messageId)).not.toMatch(ENGLISH)
  }
  expect(error.localized.id).not.toBe(error.localized.en)
}

describe('ValidationError issues in Bahasa Indonesia and English', () => {
  it('decide refuses a malformed command with every issue worded in both languages', () => {
    const error = validationErrorOf(() => decide({ type: 'MapAffairs', agreementId: '', urusan: 7, extra: true }, fold([]), context({ actor: actors.dprd })))
    expectBilingualIssues(error)
    expect(error.issues.map((issue) => issue.path)).toContain('agreementId')
    // The error's own message names the input and quotes the first fields' problems.
    expect(error.localized.id).toMatch(/^Masukan tidak valid: perintah — agreementId: Tidak boleh kosong; /)
    expect(error.localized.en).toMatch(/^Invalid input: command — agreementId: Must not be empty; /)
  })

  it('for all JSON objects as commands, every issue decide reports has an Indonesian twin', () => {
    const commandLike = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
      fc.record({ type: fc.constantFrom('IdentifyCooperation', 'MapAffairs', 'SendOffer', 'SignNotaKesepakatan', 'Nonsense'), agreementId: fc.jsonValue({ maxDepth: 1 }) }),
    )
    fc.assert(
      fc.property(commandLike, (command) => {
        try {
          decide(command, fold([]), context({ actor: actors.dprd }))
        } catch (error) {
          if (!(error instanceof KerjasamaError)) throw error
          if (error instanceof ValidationError) expectBilingualIssues(error)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a stored event that does not match its schema is refused in both languages', () => {
    expectBilingualIssues(validationErrorOf(() => parseAgreementEvent('CooperationIdentified', 1, { agreementId: 5 })))
  })

  it('messages the library sets on its own schemas and checks come in both languages too', async () => {
    const service = (() => {
      try {
        return createAgreementService({ store: openMemoryStore(), clock: 'now' as never })
      } catch (error) {
        return error
      }
    })()
    expect(service).toBeInstanceOf(ValidationError)
    expectBilingualIssues(service as ValidationError)
    expect((service as ValidationError).issues[0]).toMatchObject({ path: 'clock', messageId: 'clock harus berupa fungsi' })

    expectBilingualIssues(validationErrorOf(() => resolvePolicy({ disabledGuards: ['NO_SUCH_GUARD'] })))
    expectBilingualIssues(validationErrorOf(() => resolvePolicy({ isBordering: 3 as never, monevScores: [] })))

    const badClock = createAgreementService({ store: openMemoryStore(), clock: () => new Date(Number.NaN) })
    const refused = await badClock.execute(parseAgreementCommand(commands.identify('KSDPK')), { actor: actors.opd }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).issues[0]?.path).toBe('clock')
    expectBilingualIssues(refused as ValidationError)
  })

  it('an input is parsed once, valid or refused: both languages are worded from the one result', () => {
    let checks = 0
    const counted = z.object({ n: z.custom<number>((value) => { checks += 1; return typeof value === 'number' }) })
    expect(parseOrThrow(counted, { n: 1 }, { id: 'uji', en: 'test' })).toEqual({ n: 1 })
    expect(checks).toBe(1)
    checks = 0
    validationErrorOf(() => parseOrThrow(counted, { n: 'x' }, { id: 'uji', en: 'test' }))
    expect(checks).toBe(1)
  })
})

describe('the Indonesian texts read as an official writes them', () => {
  const issueOf = (command: Record<string, unknown>, path: string) => {
    const error = validationErrorOf(() => parseAgreementCommand(command))
    const issue = error.issues.find((candidate) => candidate.path === path)
    if (issue === undefined) throw new Error(`no issue at ${path}: ${JSON.stringify(error.issues)}`)
    return issue
  }
  const identify = commands.identify('KSDPK')
  const { initiatingUnit: _unit, ...withoutUnit } = identify

  it.each([
    ['an empty list', { ...identify, partners: [] }, 'partners', 'FIELD_TOO_SMALL', 'Harus berisi sekurang-kurangnya 1 butir', 'Must hold at least 1 item'],
    ['an empty text', { ...identify, object: '  ' }, 'object', 'FIELD_TOO_SMALL', 'Tidak boleh kosong', 'Must not be empty'],
    ['a text too long', { ...identify, object: 'x'.repeat(2001) }, 'object', 'FIELD_TOO_BIG', 'Paling panjang 2000 karakter', 'Must be at most 2000 characters long'],
    ['a missing field', withoutUnit, 'initiatingUnit', 'FIELD_REQUIRED', 'Wajib diisi', 'Required'],
    ['a value of the wrong type', { ...identify, partners: 'koperasi' }, 'partners', 'FIELD_INVALID_TYPE', 'Harus berupa daftar, bukan teks', 'Must be a list, not text'],
    ['a number out of range', commands.monev(101), 'score', 'FIELD_TOO_BIG', 'Paling besar 100', 'Must be at most 100'],
    ['a fraction where a whole number is due', commands.monev(75.5), 'score', 'FIELD_INVALID_TYPE', 'Harus berupa bilangan bulat, bukan angka', 'Must be a whole number, not a number'],
    ['a duration of no years', commands.workPlan({ duration: { years: 0 } }), 'duration.years', 'FIELD_TOO_SMALL', 'Harus lebih besar dari 0', 'Must be greater than 0'],
    ['an unknown field', { ...identify, potensial: 'gula' }, 'potensial', 'FIELD_UNKNOWN', 'Kolom tidak dikenal: potensial', 'Unknown field: potensial'],
    ['a URL that is none', commands.map('KSDPK', { kak: { reference: 'KAK/1', url: 'bukan alamat' } }), 'kak.url', 'FIELD_INVALID_FORMAT', 'Harus berupa alamat URL yang sah (http atau https)', 'Must be a valid URL (http or https)'],
  ])('%s', (_label, command, path, code, messageId, message) => {
    expect(issueOf(command, path)).toEqual({ path, code, messageId, message })
  })

  it('a value outside a fixed list names the list', () => {
    expect(issueOf({ ...identify, kind: 'KSDX' }, 'kind').messageId).toBe('Harus salah satu dari: "KSDD-wajib", "KSDD-sukarela", "KSDPK", "Sinergi", "KSDPL", "KSDLL", "internal", "procurement", "swakelola"')
    expect(issueOf(commands.complete('a1', { evidence: { kind: 'foto', reference: 'x' } }), 'evidence.kind').messageId).toBe('Harus salah satu dari: "document", "url", "file"')
  })

  it('Infinity where a number is asked is named as Infinity, not as "not a number"', () => {
    const error = refusal(() => parseOrThrow(z.object({ batchSize: z.number() }), { batchSize: Number.POSITIVE_INFINITY }, { id: 'opsi', en: 'options' }))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues[0]).toMatchObject({ message: 'Must be a number, not Infinity', messageId: 'Harus berupa angka, bukan tak hingga (Infinity)' })
  })

  it('a date that is none names both forms a date may take', () => {
    const action = { ...commands.workPlan().actions[0]!, dueDate: 'besok' }
    expect(issueOf(commands.workPlan({ actions: [action] }), 'actions.0.dueDate')).toMatchObject({
      code: 'FIELD_INVALID',
      messageId: 'Harus berupa tanggal dengan bentuk TTTT-BB-HH, misalnya 2022-05-21, atau harus berupa waktu ISO 8601 dengan zona waktu, misalnya 2022-05-21T02:00:00Z',
    })
  })

  it('an unknown command type lists the valid ones in both languages; a missing one says it is required', () => {
    const issue = issueOf({ ...commands.map('KSDPK'), type: 'MapAfairs' }, 'type')
    const valid = commandTypes.map((type) => `"${type}"`).join(', ')
    expect(issue).toEqual({ path: 'type', code: 'FIELD_INVALID_VALUE', messageId: `Jenis perintah tidak dikenal. Yang berlaku: ${valid}`, message: `Unknown command type. Valid types: ${valid}` })
    const error = validationErrorOf(() => parseAgreementCommand({ ...commands.map('KSDPK'), type: 'MapAfairs' }))
    expect(error.localized.id).toContain('"MapAffairs"')
    expect(error.localized.en).toContain('"MapAffairs"')
    expect(issueOf({ agreementId: 'x' }, 'type')).toMatchObject({ code: 'FIELD_REQUIRED', messageId: `Jenis perintah wajib diisi. Yang berlaku: ${valid}` })
  })

  it('no Indonesian text is zod’s machine wording', () => {
    const error = validationErrorOf(() => parseAgreementCommand({ ...identify, partners: [], object: '' }))
    for (const issue of error.issues) expect(issue.messageId).not.toMatch(/diharapkan|Terlalu kecil|Input tidak valid/)
  })
})
