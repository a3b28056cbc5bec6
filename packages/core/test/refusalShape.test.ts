import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { GuardFailed, decide, defineGuard, fold, initialState, parseAgreementCommand } from '../src/agreement'
import { isRefusal } from '../src/errors'
import type { Refusal } from '../src/errors'
import { createAgreementService } from '../src/handler'
import { testClock } from '../src/testing'
import { REGION, actors, commands, context, day, eventsThrough, refusal } from './agreement/scenario'

// Item 10: one shape for every refusal, so an app renders them all the same
// way: code, message { id, en }, basis, details, in `violations`.

async function refusalOf(attempt: () => unknown): Promise<Refusal> {
  let caught: unknown
  try {
    await attempt()
  } catch (error) {
    caught = error
  }
  if (isRefusal(caught)) return caught
  throw new Error(`expected a refusal, got ${String(caught)}`)
}

const broken = defineGuard({
  code: 'JATENG_BROKEN_RULE',
  when: ['MapAffairs'],
  check: () => {
    throw new TypeError('bug')
  },
  message: { id: 'Aturan contoh yang rusak', en: 'A broken example rule' },
  basis: { kind: 'policy', source: 'Pergub contoh' },
})

/** One example of every kind of refusal the library gives. */
const examples: Record<string, () => unknown> = {
  GUARD_VIOLATION: () => decide(commands.map('KSDPK', { affairs: ['pertahanan'] }), fold(eventsThrough('identified')), context()),
  NOT_AUTHORIZED: () => decide(commands.offer(), fold(eventsThrough('assessed')), context({ actor: actors.opd })),
  VALIDATION_FAILED: () => parseAgreementCommand({ ...commands.identify('KSDPK'), partners: [], potensial: 'gula' }),
  AGREEMENT_NOT_FOUND: () => decide(commands.offer(), initialState, context({ actor: actors.bupati })),
  AGREEMENT_OUTSIDE_TENANT: () =>
    createAgreementService({ store: openMemoryStore({ tenant: '33.05' }), clock: testClock() }).execute(
      parseAgreementCommand(commands.identify('KSDPK', { initiatingRegion: '33.74' })),
      { actor: { id: 'opd-semarang', role: 'opd', actsFor: '33.74' } },
    ),
  STORE_INPUT_INVALID: () => openMemoryStore().append('', [], { expectedVersion: 'any' }),
  PAYLOAD_TOO_LARGE: () => openMemoryStore({ maxEventBytes: 10 }).append('s-1', [{ type: 'T', schemaVersion: 1, data: { text: 'x'.repeat(100) }, metadata: { actor: { id: 'a', role: 'opd' }, correlationId: 'c', causationId: 'c', recordedAt: '2022-02-22T02:00:00.000Z' } }], { expectedVersion: 'any' }),
  TENANT_NOT_GRANTED: async () => {
    for await (const _event of openMemoryStore({ tenant: '33.05' }).readStream('s-1', { tenant: '33.74' })) return
  },
  IDEMPOTENCY_KEY_REUSED: async () => {
    const store = openMemoryStore()
    const event = (text: string) => ({ type: 'T', schemaVersion: 1, data: { text }, metadata: { actor: { id: 'a', role: 'opd' }, correlationId: 'c', causationId: 'c', recordedAt: '2022-02-22T02:00:00.000Z' } })
    await store.append('s-1', [event('first')], { expectedVersion: 'any', idempotencyKey: 'k-1' })
    await store.append('s-1', [event('second')], { expectedVersion: 'any', idempotencyKey: 'k-1' })
  },
  GUARD_FAILED: () => decide(commands.map('KSDPK'), fold(eventsThrough('identified')), context({ policy: { extraGuards: [broken] } })),
}

describe('every refusal has the one shape', () => {
  for (const [code, attempt] of Object.entries(examples)) {
    it(`${code}: violations of { code, message: { id, en }, basis, details }`, async () => {
      const error = await refusalOf(attempt)
      expect(error.code).toBe(code)
      expect(error.violations.length).toBeGreaterThan(0)
      for (const violation of error.violations) {
        expect(Object.keys(violation).sort()).toEqual(violation.details === undefined ? ['basis', 'code', 'message'] : ['basis', 'code', 'details', 'message'])
        expect(violation.code).toMatch(/^[A-Z][A-Z0-9_]+$/)
        expect(Object.keys(violation.message).sort()).toEqual(['en', 'id'])
        expect(violation.message.id.length).toBeGreaterThan(3)
        expect(violation.message.en.length).toBeGreaterThan(3)
        expect(violation.message.id).not.toBe(violation.message.en)
        expect(['reg', 'practice', 'policy', 'schema']).toContain(violation.basis.kind)
        expect(violation.basis.source.length).toBeGreaterThan(3)
        if (violation.details !== undefined) expect(JSON.parse(JSON.stringify(violation.details))).toEqual(violation.details)
      }
      // The error's own message reads in both languages too.
      expect(error.localized.id).not.toBe(error.localized.en)
    })
  }

  it('NOT_AUTHORIZED names the role rule as its basis: the offer is the kepala daerah’s own letter', async () => {
    const error = await refusalOf(examples.NOT_AUTHORIZED!)
    expect(error.violations).toEqual([
      {
        code: 'ROLE_NOT_ALLOWED',
        message: error.localized,
        basis: { kind: 'reg', source: expect.stringContaining('penawaran kerja sama oleh kepala daerah') },
        details: { commandType: 'SendOffer', role: 'opd', allowedRoles: ['kepala-daerah'] },
      },
    ])
  })

  it('VALIDATION_FAILED has one violation per field, its path in details and its schema as basis', async () => {
    const error = await refusalOf(examples.VALIDATION_FAILED!)
    expect(error.violations).toEqual([
      { code: 'FIELD_TOO_SMALL', message: { id: 'Harus berisi sekurang-kurangnya 1 butir', en: 'Must hold at least 1 item' }, basis: { kind: 'schema', source: 'command: partners' }, details: { path: 'partners' } },
      { code: 'FIELD_UNKNOWN', message: { id: 'Kolom tidak dikenal: potensial', en: 'Unknown field: potensial' }, basis: { kind: 'schema', source: 'command: potensial' }, details: { path: 'potensial' } },
    ])
  })

  it('GUARD_FAILED names the broken rule and its basis, never the bug', async () => {
    const error = await refusalOf(examples.GUARD_FAILED!)
    expect(error).toBeInstanceOf(GuardFailed)
    expect(error.violations[0]).toMatchObject({ code: 'JATENG_BROKEN_RULE', basis: { kind: 'policy', source: 'Pergub contoh' } })
    expect(JSON.stringify(error.violations)).not.toContain('bug')
  })

  it('a GUARD_VIOLATION lists its violations as before, each a refusal reason', () => {
    const error = refusal(() => decide(commands.sign('SignKesepakatanBersama', REGION), fold(eventsThrough('offered')), context({ actor: actors.bupati, now: day(55) })))
    expect(isRefusal(error) && error.violations.map((violation) => violation.code)).toEqual(expect.arrayContaining(['PARTNER_NOT_ACCEPTED', 'WORK_PLAN_WITHOUT_ACTION']))
  })
})
