import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openMemoryStore } from '@kerjasama/store-memory'
import { decide, fold, parseAgreementEvent, resolvePolicy } from '../src/agreement'
import { KerjasamaError, ValidationError } from '../src/errors'
import { createAgreementService } from '../src/handler'
import { parseOrThrow } from '../src/validation'
import { actors, commands, context, refusal } from './agreement/scenario'

// Words every Indonesian issue text has one of: zod's Indonesian locale and the
// library's own wording. None of them occurs in zod's English messages.
const INDONESIAN = /tidak valid|tidak dikenali|terlalu (besar|kecil)|harus|tidak ditangani|wajib|tidak ada/i
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
    expect(error.localized.id).toBe('Masukan tidak valid: perintah')
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
    const refused = await badClock.execute(commands.identify('KSDPK'), { actor: actors.opd }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).issues[0]?.path).toBe('clock')
    expectBilingualIssues(refused as ValidationError)
  })

  it('a valid input is parsed once; only a refused one is parsed again for the Indonesian text', () => {
    let checks = 0
    const counted = z.object({ n: z.custom<number>((value) => { checks += 1; return typeof value === 'number' }) })
    expect(parseOrThrow(counted, { n: 1 }, { id: 'uji', en: 'test' })).toEqual({ n: 1 })
    expect(checks).toBe(1)
    checks = 0
    validationErrorOf(() => parseOrThrow(counted, { n: 'x' }, { id: 'uji', en: 'test' }))
    expect(checks).toBe(2)
  })
})
