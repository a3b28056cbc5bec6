import { describe, expect, it } from 'vitest'
import { createAgreementService, isKerjasamaError } from '@kerjasama/core'
import { agreementLifecycle, sequentialIds, testClock } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'
import { loadIndonesianRegions } from '../src'

const START = '2022-02-22T02:00:00.000Z'

function identifyWith(regionCode: string, name: string) {
  const [identify] = agreementLifecycle('KSDD-sukarela', { agreementId: 'ignored', start: START, partners: [{ partnerId: regionCode, name, kind: 'daerah', regionCode }] })
  const { agreementId: _ignored, ...command } = identify!.command
  return { command, actor: identify!.actor }
}

describe('an agreement service given the national directory', async () => {
  const service = createAgreementService({ store: openMemoryStore(), clock: testClock(START), ids: sequentialIds('id'), regions: await loadIndonesianRegions() })

  it('lets Kebumen cooperate with Kabupaten Bandung (32.04) and refuses a partner 99.99 as UNKNOWN_REGION', async () => {
    const bandung = identifyWith('32.04', 'Kabupaten Bandung')
    expect((await service.execute(bandung.command, { actor: bandung.actor })).events).toHaveLength(1)
    const nowhere = identifyWith('99.99', 'Kota Entah')
    const error: unknown = await service.execute(nowhere.command, { actor: nowhere.actor }).catch((caught: unknown) => caught)
    expect(isKerjasamaError(error) && error.code).toBe('GUARD_VIOLATION')
    const violations = (error as { violations?: Array<{ code: string; details?: unknown }> }).violations ?? []
    expect(violations.find((violation) => violation.code === 'UNKNOWN_REGION')?.details).toEqual({ invalid: ['99.99'], regionDirectory: expect.stringMatching(/^idn-area-data \d/) })
  })
})
