import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { parseAgreementCommand } from '../../src/agreement'
import { ValidationError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import type { ExecuteOptions } from '../../src/handler'
import { sequentialIds, testClock } from '../../src/testing'
import { commands } from '../agreement/scenario'
import { countingStore } from './storeDoubles'

// The actor must say whom it acts for, with a role of the closed set; the
// options are strict like commands, so a misspelt key is refused, not lost.

async function refusalOf(options: unknown): Promise<ValidationError> {
  const store = countingStore(openMemoryStore())
  const service = createAgreementService({ store, clock: testClock(), ids: sequentialIds('opt') })
  const refused = await service.execute(parseAgreementCommand(commands.identify('KSDPK')), options as ExecuteOptions).catch((error: unknown) => error)
  expect(store.appends).toBe(0)
  if (refused instanceof ValidationError) return refused
  throw new Error(`expected VALIDATION_FAILED, got ${String(refused)}`)
}

describe('execute options', () => {
  it('an actor without actsFor is VALIDATION_FAILED naming actor.actsFor', async () => {
    const error = await refusalOf({ actor: { id: 'opd-1', role: 'opd' } })
    expect(error.issues).toEqual([{ path: 'actor.actsFor', code: 'FIELD_REQUIRED', message: 'Required', messageId: 'Wajib diisi' }])
  })

  it('the old spelling kepala_daerah is no role: the refusal lists the roles', async () => {
    const error = await refusalOf({ actor: { id: 'bupati', role: 'kepala_daerah', actsFor: '33.05' } })
    expect(error.issues[0]).toMatchObject({ path: 'actor.role', code: 'FIELD_INVALID_VALUE' })
    expect(error.issues[0]!.messageId).toContain('"kepala-daerah"')
  })

  it('a misspelt idempotency key option is refused rather than silently ignored', async () => {
    const error = await refusalOf({ actor: { id: 'opd-1', role: 'opd', actsFor: '33.05' }, idempotencykey: 'form-1' })
    expect(error.issues).toEqual([{ path: 'idempotencykey', code: 'FIELD_UNKNOWN', message: 'Unknown field: idempotencykey', messageId: 'Kolom tidak dikenal: idempotencykey' }])
  })
})
