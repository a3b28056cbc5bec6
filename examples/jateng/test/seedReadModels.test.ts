import { describe, expect, it } from 'vitest'
import { openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createSeedService, runSeedScenario, showReadModels } from '../src'

const DAY_MS = 86_400_000

async function seededReadModels() {
  const eventStore = openMemoryStore()
  const { service, clock } = createSeedService(eventStore)
  const seed = await runSeedScenario(service, () => undefined, clock)
  const lines: string[] = []
  // Judged half a year after the scenario's last step: long enough for every ceremonial agreement to show.
  const now = new Date(clock().getTime() + 180 * DAY_MS)
  const shown = await showReadModels({ eventStore, readModels: openMemoryReadModelStore(), now, semester: '2022-2', log: (line) => lines.push(line) })
  const idOf = (key: string): string => seed.agreements.find((agreement) => agreement.key === key)?.agreementId as string
  return { shown, lines, idOf }
}

describe('the seed scenario’s read models', () => {
  it('puts the ceremonial festival MoU and the agreement left without evidence on the watchlist, with their reasons', async () => {
    const { shown, idOf, lines } = await seededReadModels()
    const festival = shown.watchlist.filter((entry) => entry.agreementId === idOf('seremonial-festival'))
    expect(festival.map((entry) => entry.code)).toEqual(['STALLED_IN_STAGE'])
    expect(festival[0]?.reason.id).toContain('terkoordinasi')
    const withoutEvidence = shown.watchlist.filter((entry) => entry.agreementId === idOf('seremonial-tanpa-bukti')).map((entry) => entry.code)
    expect(withoutEvidence).toContain('ACTION_OVERDUE')
    expect(withoutEvidence).toContain('MONEV_OVERDUE')
    expect(lines.some((line) => line.includes('ACTION_OVERDUE — Pemasaran gula merah melalui toko daring'))).toBe(true)
  })

  it('shows Kebumen’s gula merah under potentials and the pemetaan urusan counts', async () => {
    const { shown } = await seededReadModels()
    expect(shown.potentials.map((potential) => [potential.potential, potential.furthestStage])).toEqual([['Gula merah (gula kelapa) Kebumen', 'evaluated']])
    const kebumen = shown.matrix.rows.find((row) => row.region === '33.05')
    // gula merah (2.17, 3.30, 3.31), the online shop (2.17, 3.30), the festival (3.26); the absolute-affair patrol was never mapped.
    expect(kebumen?.cells['2.17']?.total).toBe(2)
    expect(kebumen?.cells['3.26']?.counts).toEqual({ coordinated: 1 })
    expect(shown.matrix.rows.find((row) => row.region === '33')?.cells['4.02']?.counts).toEqual({ evaluated: 1 })
    expect(shown.register).toHaveLength(5)
  })
})
