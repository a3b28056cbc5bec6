import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { GuardViolation, KerjasamaError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import type { AgreementServiceOptions } from '../../src/handler'
import { createRegionDirectory } from '../../src/reference'
import type { RegionDirectory } from '../../src/reference'
import { agreementLifecycle, sequentialIds, testClock } from '../../src/testing'
import type { LifecyclePartner } from '../../src/testing'

const START = '2022-02-22T02:00:00.000Z'

// Stands in for the national list that @kerjasama/regions-id loads.
const national = createRegionDirectory({
  source: 'test: national excerpt',
  complete: true,
  regions: [
    { code: '32', name: 'Provinsi Jawa Barat' },
    { code: '32.04', name: 'Kabupaten Bandung' },
    { code: '33', name: 'Provinsi Jawa Tengah' },
    { code: '33.05', name: 'Kabupaten Kebumen' },
    { code: '33.06', name: 'Kabupaten Purworejo' },
  ],
})

function service(options: Partial<AgreementServiceOptions> = {}) {
  return createAgreementService({ store: openMemoryStore(), clock: testClock(START), ids: sequentialIds('svc'), ...options })
}

function identifyWith(partner: LifecyclePartner) {
  const [identify] = agreementLifecycle('KSDD-sukarela', { agreementId: 'ignored', start: START, partners: [partner] })
  const { agreementId: _ignored, ...command } = identify!.command
  return { command, actor: identify!.actor }
}

const daerah = (regionCode: string, name = `Daerah ${regionCode}`): LifecyclePartner => ({ partnerId: regionCode, name, kind: 'daerah', regionCode })

async function refusal(promise: Promise<unknown>): Promise<KerjasamaError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KerjasamaError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('the service option regions', () => {
  it('with the national directory, a code that is no region is refused (99.99, 33.70, 33.30) and a listed one is accepted', async () => {
    const withNational = service({ regions: national })
    for (const code of ['99.99', '33.70', '33.30', '35.01']) {
      const { command, actor } = identifyWith(daerah(code))
      const error = await refusal(withNational.execute(command, { actor }))
      expect(error).toBeInstanceOf(GuardViolation)
      expect((error as GuardViolation).violations.find((violation) => violation.code === 'UNKNOWN_REGION')?.details).toEqual({ invalid: [code], regionDirectory: 'test: national excerpt' })
    }
    const { command, actor } = identifyWith(daerah('32.04', 'Kabupaten Bandung'))
    expect((await withNational.execute(command, { actor })).events.map((event) => event.type)).toEqual(['CooperationIdentified'])
  })

  it('without it, the bundled Jawa Tengah table decides: other provinces by pattern, Jawa Tengah by name', async () => {
    const byDefault = service()
    const accepted = identifyWith(daerah('35.01'))
    expect((await byDefault.execute(accepted.command, { actor: accepted.actor })).events).toHaveLength(1)
    const notInJawaTengah = identifyWith(daerah('33.30'))
    const error = await refusal(byDefault.execute(notInJawaTengah.command, { actor: notInJawaTengah.actor }))
    expect((error as GuardViolation).violations.map((violation) => violation.code)).toContain('UNKNOWN_REGION')
  })

  it('refuses a regions option that is no directory, before any command', () => {
    for (const regions of [{}, 'national', { describe: () => undefined, regionsOf: () => [] }]) {
      expect(() => service({ regions: regions as unknown as RegionDirectory })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    }
  })

  it('a hand-built directory that answers with another region is a coded error, not a wrong decision', async () => {
    const lying: RegionDirectory = { ...national, describe: () => national.describe('32.04') }
    const { command, actor } = identifyWith(daerah('33.06'))
    expect((await refusal(service({ regions: lying }).execute(command, { actor }))).code).toBe('VALIDATION_FAILED')
  })
})
