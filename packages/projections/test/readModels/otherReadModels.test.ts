import { describe, expect, it } from 'vitest'
import {
  builtInProjections, queryDeadlines, queryPotentials, querySemesterReport, queryTimeline, queryUrusanMatrix, semesterReportCsv,
} from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

const purworejo = { partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah' as const, regionCode: '33.06' }

async function seeded() {
  const history = newHistory()
  await runLifecycle(history, 'KSDPK', { agreementId: 'gula-merah', potential: 'Gula merah Kebumen', affairs: ['2.17', '3.30'] })
  await runLifecycle(history, 'KSDPK', { agreementId: 'gula-daring', potential: 'gula merah  kebumen', affairs: ['2.17'] }, { stopBefore: 'complete action' })
  await runLifecycle(history, 'KSDD-sukarela', { agreementId: 'festival', affairs: ['3.26', '2.17'], partners: [purworejo] }, { stopBefore: 'sign KB' })
  await runLifecycle(history, 'Sinergi', { agreementId: 'setwan', initiatingRegion: '33', affairs: ['4.02'] }, { stopBefore: 'monev' })
  return { history, reader: await buildReadModels(history.store, builtInProjections) }
}

describe('urusan × region matrix', () => {
  it('counts agreements per urusan in each stage, for a region and across a province', async () => {
    const { reader } = await seeded()
    const kebumen = await queryUrusanMatrix(reader, { region: '33.05' })
    expect(kebumen.urusan.map((urusan) => urusan.code)).toEqual(['2.17', '3.26', '3.30'])
    expect(kebumen.rows).toHaveLength(1)
    expect(kebumen.rows[0]?.cells['2.17']).toEqual({ counts: { evaluated: 1, signed: 1, coordinated: 1 }, total: 3 })
    expect(kebumen.rows[0]?.cells['3.30']).toEqual({ counts: { evaluated: 1 }, total: 1 })
    const province = await queryUrusanMatrix(reader, { province: '33' })
    expect(province.rows.map((row) => row.region)).toEqual(['33', '33.05', '33.06'])
    expect(province.rows.find((row) => row.region === '33.06')?.cells['3.26']).toEqual({ counts: { coordinated: 1 }, total: 1 })
    expect(province.rows.find((row) => row.region === '33')?.cells['4.02']).toEqual({ counts: { implemented: 1 }, total: 1 })
  })
})

describe('potentials', () => {
  it('groups the agreements pursuing one potential, however it was written, with how far each got', async () => {
    const { reader } = await seeded()
    const potentials = await queryPotentials(reader)
    expect(potentials).toHaveLength(1)
    expect(potentials[0]).toMatchObject({ potential: 'Gula merah Kebumen', regions: ['33.05'], furthestStage: 'evaluated' })
    expect(potentials[0]?.agreements.map((agreement) => [agreement.agreementId, agreement.stage])).toEqual([
      ['gula-daring', 'signed'],
      ['gula-merah', 'evaluated'],
    ])
    expect(await queryPotentials(reader, { region: '33.06' })).toEqual([])
  })
})

describe('deadlines', () => {
  it('lists actions due and terms ending in the next days, soonest first, and drops what is done', async () => {
    const { history, reader } = await seeded()
    // gula-daring started (lifecycle day ~70 of its own run) and not completed; its action is due 30 days after signing.
    const all = await queryDeadlines(reader, { now: new Date('2022-01-01T00:00:00Z'), days: 3650 })
    const kinds = all.map((deadline) => `${deadline.agreementId}:${deadline.kind}`)
    expect(kinds).toContain('gula-daring:action')
    expect(kinds).toContain('gula-merah:term-end')
    expect(kinds).not.toContain('gula-merah:action')
    expect(all.map((deadline) => deadline.dueDate)).toEqual(all.map((deadline) => deadline.dueDate).sort())
    const action = all.find((deadline) => deadline.agreementId === 'gula-daring' && deadline.kind === 'action')
    const soon = await queryDeadlines(reader, { now: new Date(`${action?.dueDate}T08:00:00Z`), days: 1 })
    expect(soon.map((deadline) => deadline.agreementId)).toContain('gula-daring')
    expect(history).toBeDefined()
  })
})

describe('semester report', () => {
  it('counts stages at the semester’s end and what happened within it, per region, in JSON and CSV', async () => {
    const { reader } = await seeded()
    const report = await querySemesterReport(reader, { semester: '2022-2', region: '33.05' })
    expect(report).toMatchObject({ semester: '2022-2', from: '2022-07-01', to: '2022-12-31' })
    const row = report.rows[0]
    expect(row?.region).toBe('33.05')
    expect(Object.values(row?.byStage ?? {}).reduce((a, b) => a + b, 0)).toBe(3)
    const csv = semesterReportCsv(report)
    expect(csv.startsWith('\uFEFFsemester,kode_wilayah,tahap_teridentifikasi')).toBe(true)
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(2)
    expect(semesterReportCsv(report, { lang: 'en' })).toContain('region_code,stage_identified')
    await expect(querySemesterReport(reader, { semester: '2022-3' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})

describe('timeline', () => {
  it('tells one agreement’s history in both languages, who did what and when', async () => {
    const { reader } = await seeded()
    const timeline = await queryTimeline(reader, { tenant: 'default', agreementId: 'gula-merah' })
    expect(timeline?.entries[0]).toMatchObject({ version: 1, type: 'CooperationIdentified', term: 1, who: { role: 'opd' } })
    expect(timeline?.entries[0]?.what.id).toContain('diidentifikasi')
    expect(timeline?.entries.map((entry) => entry.version)).toEqual(timeline?.entries.map((_entry, index) => index + 1))
    expect(timeline?.entries.some((entry) => entry.what.en.startsWith('Action completed with evidence'))).toBe(true)
    expect(await queryTimeline(reader, { tenant: 'default', agreementId: 'nope' })).toBeUndefined()
  })
})
