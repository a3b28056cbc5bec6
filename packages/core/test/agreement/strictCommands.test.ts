import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decide, fold, parseAgreementCommand, parseAgreementEvent } from '../../src/agreement'
import { ValidationError } from '../../src/errors'
import { actors, commands, context, eventsThrough, goodPath, pemegangKuasa, refusal } from './scenario'

// Item 5: commands are strict. An unknown field is VALIDATION_FAILED naming
// it, at any depth, never dropped without a word.

function unknownFields(run: () => unknown): Array<{ path: string; messageId: string; message: string }> {
  const error = refusal(run)
  if (!(error instanceof ValidationError)) throw error
  return error.issues.filter((issue) => issue.code === 'FIELD_UNKNOWN').map(({ path, messageId, message }) => ({ path, messageId, message }))
}

describe('strict commands', () => {
  it('a misspelt optional field is refused, naming it, instead of being lost', () => {
    const { potential, ...rest } = commands.identify('KSDPK')
    expect(unknownFields(() => parseAgreementCommand({ ...rest, potensial: potential }))).toEqual([
      { path: 'potensial', messageId: 'Kolom tidak dikenal: potensial', message: 'Unknown field: potensial' },
    ])
  })

  it('unknown fields in nested objects are named by their full path', () => {
    const partner = { partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionKode: '33.06' }
    expect(unknownFields(() => parseAgreementCommand(commands.identify('KSDD-sukarela', { partners: [partner] }))).map((issue) => issue.path)).toEqual(['partners.0.regionKode'])
    const signer = { ...pemegangKuasa, suratKuasa: 'SK/2022/17' }
    expect(unknownFields(() => parseAgreementCommand(commands.sign('SignPerjanjianKerjaSama', '33.05', signer))).map((issue) => issue.path)).toEqual(['signer.suratKuasa'])
    const evidence = { kind: 'document', reference: 'BA/45', tanggal: '2022-05-01' }
    expect(unknownFields(() => parseAgreementCommand(commands.complete('a1', { evidence }))).map((issue) => issue.path)).toEqual(['evidence.tanggal'])
    const feasibilityStudy = { reference: 'FS/1', preparedBy: 'partner', penyusun: 'koperasi' }
    expect(unknownFields(() => parseAgreementCommand(commands.map('KSDPK', { feasibilityStudy }))).map((issue) => issue.path)).toEqual(['feasibilityStudy.penyusun'])
    const action = { ...commands.workPlan().actions[0]!, pic: 'Kabid UMKM' }
    expect(unknownFields(() => parseAgreementCommand(commands.workPlan({ actions: [action] }))).map((issue) => issue.path)).toEqual(['actions.0.pic'])
  })

  it('decide refuses the same way, before any rule runs', () => {
    const state = fold(eventsThrough('identified'))
    expect(unknownFields(() => decide({ ...commands.map('KSDPK'), kakk: { reference: 'x' } }, state, context({ actor: actors.opd }))).map((issue) => issue.path)).toEqual(['kakk'])
  })

  it('for all good-path commands and any field the schema does not know, the command is refused naming that field', () => {
    const steps = goodPath('KSDPK')
    const known = new Set(steps.flatMap((step) => Object.keys(step.command)))
    const field = fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !known.has(key) && !['__proto__', 'constructor', 'toString', 'valueOf'].includes(key))
    fc.assert(
      fc.property(fc.constantFrom(...steps), field, fc.jsonValue({ maxDepth: 1 }), (step, key, value) => {
        const misspelt = { ...step.command, [key]: value }
        const issues = unknownFields(() => parseAgreementCommand(misspelt))
        expect(issues.map((issue) => issue.path)).toEqual([key])
      }),
      { numRuns: 300 },
    )
  })

  it('a hostile key name is shortened in the message, so it cannot flood a log line', () => {
    const long = 'x'.repeat(5000)
    const [issue] = unknownFields(() => parseAgreementCommand({ ...commands.expire(), [long]: 1 }))
    expect(issue!.messageId.length).toBeLessThan(120)
  })

  it('stored events stay tolerant: an extra key reads back (dropped from the parsed event), so a record is never unreadable', () => {
    const [identified] = eventsThrough('identified')
    const stored = { ...(identified!.data as Record<string, unknown>), catatanLama: 'ditulis versi lain' }
    const parsed = parseAgreementEvent(identified!.type, identified!.schemaVersion, stored)
    expect(parsed).toEqual(identified)
  })
})
