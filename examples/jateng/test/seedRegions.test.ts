import { describe, expect, it } from 'vitest'
import { isKerjasamaError } from '@kerjasama/core'
import type { CommandOf } from '@kerjasama/core'
import { testActors } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import { createSeedService, runSeedScenario } from '../src'

async function pathsWith(options: Parameters<typeof createSeedService>[1]) {
  const { service, clock } = createSeedService(openMemoryStore(), options)
  const report = await runSeedScenario(service, () => {}, clock)
  return { service, paths: report.agreements.map((agreement) => [agreement.key, agreement.path.join(' → ')]), refusals: report.refusals.map((refusal) => [refusal.agreement, refusal.code]) }
}

describe('the seed scenario on the national region directory', () => {
  it('takes the same paths as on the bundled table, and the service refuses a partner that is no region', async () => {
    const regions = await loadIndonesianRegions()
    const national = await pathsWith({ regions })
    const bundled = await pathsWith({})
    expect(national.paths).toEqual(bundled.paths)
    expect(national.refusals).toEqual(bundled.refusals)

    const identify: CommandOf<'IdentifyCooperation'> = {
      type: 'IdentifyCooperation',
      kind: 'KSDD-sukarela',
      object: 'Promosi pariwisata bersama',
      initiatingRegion: '33.05',
      initiatingUnit: 'Dinas Pariwisata Kabupaten Kebumen',
      partners: [{ partnerId: '99.99', name: 'Kota Entah', kind: 'daerah', regionCode: '99.99' }],
    }
    const actor = testActors.opd
    const refused: unknown = await national.service.execute(identify, { actor }).catch((error: unknown) => error)
    expect(isKerjasamaError(refused) && refused.details.codes).toEqual(['UNKNOWN_REGION'])
    expect((await bundled.service.execute(identify, { actor })).events).toHaveLength(1)
  })
})
