import { describe, expect, it } from 'vitest'
import { fold, parseAgreementEvent } from '@kerjasama/core'
import { queryRegister, registerProjection } from '../../src'
import type { RegisterEntry } from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

async function seededRegister() {
  const history = newHistory()
  await runLifecycle(history, 'KSDPK', { agreementId: 'gula-merah', potential: 'Gula merah Kebumen', affairs: ['2.17', '3.30'] })
  await runLifecycle(history, 'KSDD-sukarela', { agreementId: 'festival', affairs: ['3.26'], partners: [{ partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah', regionCode: '33.06' }] }, { stopBefore: 'sign KB' })
  await runLifecycle(history, 'Sinergi', { agreementId: 'setwan', initiatingRegion: '33', affairs: ['4.02'] }, { stopBefore: 'monev' })
  const readModels = await buildReadModels(history.store, [registerProjection])
  return { history, readModels }
}

describe('register', () => {
  it('shows each agreement with its parties, urusan by name, stage, stage dates, term and work plan', async () => {
    const { readModels } = await seededRegister()
    const entry = (await readModels.get('register', 'default/gula-merah')) as unknown as RegisterEntry
    expect(entry.stage).toBe('evaluated')
    expect(entry.kind).toBe('KSDPK')
    expect(entry.potential).toBe('Gula merah Kebumen')
    expect(entry.initiatingRegion).toBe('33.05')
    expect(entry.parties).toEqual(['33.05', 'koperasi-gula-kelapa'])
    expect(entry.urusan).toEqual([
      { code: '2.17', name: 'koperasi, usaha kecil, dan menengah' },
      { code: '3.30', name: 'perdagangan' },
    ])
    expect(Object.keys(entry.stageDates)).toEqual(['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated'])
    expect(entry.stageDates.identified?.happenedOn).toBe('2022-02-22')
    // Signed on day 60 of the lifecycle, for three years.
    expect(entry.stageDates.signed?.happenedOn).toBe('2022-04-23')
    expect(entry.endDate).toBe('2025-04-23')
    expect(entry.actions).toHaveLength(1)
    expect(entry.actions[0]).toMatchObject({ status: 'completed', evidence: { kind: 'document' } })
    expect(entry.lastMonev).toMatchObject({ score: 100, recommendation: 'continue' })
    expect(entry.nextDueDate).toBeUndefined()
  })

  it('filters by region, party, urusan, stage, kind, planning document, potential and ending date', async () => {
    const { readModels } = await seededRegister()
    const ids = async (filter: Parameters<typeof queryRegister>[1]) => (await queryRegister(readModels, filter)).items.map((entry) => entry.agreementId).sort()
    expect(await ids({})).toEqual(['festival', 'gula-merah', 'setwan'])
    expect(await ids({ region: '33.06' })).toEqual(['festival'])
    expect(await ids({ region: '33.05' })).toEqual(['festival', 'gula-merah'])
    expect(await ids({ party: 'koperasi-gula-kelapa' })).toEqual(['gula-merah'])
    expect(await ids({ urusan: '3.30' })).toEqual(['gula-merah'])
    expect(await ids({ urusan: '4.02', stage: 'implemented' })).toEqual(['setwan'])
    expect(await ids({ stage: 'coordinated' })).toEqual(['festival'])
    expect(await ids({ kind: 'Sinergi' })).toEqual(['setwan'])
    expect(await ids({ planningDocument: 'RPJMD' })).toEqual(['festival', 'gula-merah', 'setwan'])
    expect(await ids({ potential: '  gula MERAH   kebumen' })).toEqual(['gula-merah'])
    // Each lifecycle starts where the one before ended: setwan is signed months after gula-merah.
    expect(await ids({ endingBefore: '2025-05-01' })).toEqual(['gula-merah'])
    expect(await ids({ endingBefore: '2026-01-01' })).toEqual(['gula-merah', 'setwan'])
    expect(await ids({ endingBefore: '2025-01-01' })).toEqual([])
  })

  it('pages through every entry exactly once', async () => {
    const { readModels } = await seededRegister()
    const seen: string[] = []
    let after: string | undefined
    do {
      const page = await queryRegister(readModels, { limit: 1, ...(after === undefined ? {} : { after }) })
      seen.push(...page.items.map((entry) => entry.agreementId))
      after = page.next
    } while (after !== undefined)
    expect(seen.sort()).toEqual(['festival', 'gula-merah', 'setwan'])
  })

  it('refuses a misspelt filter with VALIDATION_FAILED naming it', async () => {
    const { readModels } = await seededRegister()
    await expect(queryRegister(readModels, { regoin: '33.05' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('keeps exactly the state the decider folds from the stream', async () => {
    const { history, readModels } = await seededRegister()
    for (const id of ['gula-merah', 'festival', 'setwan']) {
      const events = (await history.service.history(id)).map((stored) => parseAgreementEvent(stored.type, stored.schemaVersion, stored.data))
      const entry = (await readModels.get('register', `default/${id}`)) as unknown as RegisterEntry
      expect(entry.state).toEqual(JSON.parse(JSON.stringify(fold(events))))
      expect(entry.version).toBe(events.length)
    }
  })
})
