import { describe, expect, it } from 'vitest'
import { queryWatchlist, registerProjection } from '../../src'
import type { WatchlistPolicy } from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

const START = Date.parse('2022-02-22T02:00:00.000Z')
const DAY_MS = 86_400_000
const day = (n: number): Date => new Date(START + n * DAY_MS)

/** One KSDPK agreement run up to a step, judged on a lifecycle day. */
async function watch(stopBefore: string | undefined, judgeOn: Date, policy: Partial<WatchlistPolicy> = {}) {
  const history = newHistory()
  await runLifecycle(history, 'KSDPK', { agreementId: 'a' }, stopBefore === undefined ? {} : { stopBefore })
  const readModels = await buildReadModels(history.store, [registerProjection])
  return queryWatchlist(readModels, { now: judgeOn, policy })
}
const codes = (entries: Array<{ code: string }>) => entries.map((entry) => entry.code)

// The good-path lifecycle: work plan day 35, KB signed day 55, PKS (signed) day 60,
// action due day 90, started day 70, completed day 85, monev day 180, three-year term.
describe('ceremonial-risk watchlist', () => {
  it('lists a signed agreement with no action started once the policy’s days have passed, not a day before', async () => {
    expect(codes(await watch('start action', day(150)))).not.toContain('NO_ACTION_STARTED')
    const late = await watch('start action', day(151))
    expect(codes(late)).toContain('NO_ACTION_STARTED')
    const entry = late.find((item) => item.code === 'NO_ACTION_STARTED')
    expect(entry).toMatchObject({ severity: 'high', since: day(151).toISOString().slice(0, 10), agreementId: 'a' })
    expect(entry?.reason.id).toContain('90 hari')
    expect(entry?.reason.en).toContain('90 days')
  })

  it('quotes the region’s own numbers', async () => {
    const entries = await watch('start action', day(91), { actionStartWithinDays: 30 })
    const entry = entries.find((item) => item.code === 'NO_ACTION_STARTED')
    expect(entry?.reason.id).toContain('30 hari')
    expect(entry?.reason.en).toContain('30 days')
    expect(entry?.since).toBe(day(91).toISOString().slice(0, 10))
  })

  it('lists an action past its due date and not completed', async () => {
    expect(codes(await watch('complete action', day(90)))).not.toContain('ACTION_OVERDUE')
    const entries = await watch('complete action', day(91))
    expect(entries.find((item) => item.code === 'ACTION_OVERDUE')).toMatchObject({ since: day(91).toISOString().slice(0, 10), details: { actions: [expect.objectContaining({ actionId: 'a-action-1' })] } })
  })

  it('lists a KB signed by every party with no PKS after the policy’s days', async () => {
    expect(codes(await watch('review PKS', day(145)))).toEqual([])
    expect(codes(await watch('review PKS', day(146)))).toEqual(['KB_WITHOUT_PKS'])
  })

  it('lists an agreement stalled in one stage', async () => {
    // Coordinated since the work plan on day 35.
    expect(codes(await watch('review KB', day(215)))).toEqual([])
    expect(codes(await watch('review KB', day(216)))).toEqual(['STALLED_IN_STAGE'])
    expect(codes(await watch('review KB', day(100), { stalledAfterDays: 60 }))).toEqual(['STALLED_IN_STAGE'])
  })

  it('lists no monev for longer than the gap, and too few monev in a whole fiscal year', async () => {
    // The only monev was on day 180 (2022-08-21); six months on, and then all of 2023 without one.
    expect(codes(await watch(undefined, new Date('2023-02-21T12:00:00Z')))).toEqual([])
    expect(codes(await watch(undefined, new Date('2023-02-22T12:00:00Z')))).toEqual(['MONEV_OVERDUE'])
    const next = await watch(undefined, new Date('2024-01-01T00:00:00Z'))
    expect(codes(next).sort()).toEqual(['MONEV_OVERDUE', 'TOO_FEW_MONEV'])
    expect(next.find((item) => item.code === 'TOO_FEW_MONEV')?.reason.id).toContain('kurang dari 2 kali dalam tahun anggaran 2023')
  })

  it('lists an agreement near its end with no monev advising extension, then one whose term passed unrecorded', async () => {
    // Signed 2022-04-23 for three years: ends 2025-04-23.
    const near = await watch(undefined, new Date('2025-02-01T00:00:00Z'), { monevMaxGapMonths: 120 })
    expect(codes(near)).toContain('EXPIRING_WITHOUT_EXTENSION_ADVICE')
    const past = await watch(undefined, new Date('2025-04-24T00:00:00Z'), { monevMaxGapMonths: 120, minMonevPerFiscalYear: 0 })
    expect(codes(past)).toEqual(['TERM_ENDED_UNRECORDED'])
  })

  it('lists a term that ended without any monev as the gravest', async () => {
    const entries = await watch('monev', new Date('2025-05-01T00:00:00Z'), { minMonevPerFiscalYear: 0 })
    expect(codes(entries)[0]).toBe('EXPIRED_WITHOUT_EVALUATION')
    expect(codes(entries)).toContain('TERM_ENDED_UNRECORDED')
  })

  it('counts the monev gap from the monev held last, not the one entered last', async () => {
    // The good path's monev was held on day 180 (2022-08-21). A second one, held on day 100 but entered on
    // day 200, does not pull the gap back: six months run from 21 August, so 21 February 2023 is still clear.
    const history = newHistory()
    await runLifecycle(history, 'KSDPK', { agreementId: 'a' })
    history.clock.set(day(200))
    await history.service.execute(
      { type: 'RecordMonev', agreementId: 'a', score: 75, findings: 'Pelatihan berjalan sebagian', recommendation: 'continue', occurredOn: day(100).toISOString().slice(0, 10) },
      { actor: { id: 'inspektorat', role: 'monev', actsFor: '33.05' } },
    )
    const readModels = await buildReadModels(history.store, [registerProjection])
    expect(codes(await queryWatchlist(readModels, { now: new Date('2023-02-21T12:00:00Z') }))).toEqual([])
    const late = await queryWatchlist(readModels, { now: new Date('2023-02-22T12:00:00Z') })
    expect(late.find((entry) => entry.code === 'MONEV_OVERDUE')?.details).toMatchObject({ lastMonevOn: '2022-08-21' })
  })

  it('orders worst first: severity, then the longest-standing risk', async () => {
    const entries = await watch('complete action', new Date('2023-06-01T00:00:00Z'))
    const ranks = entries.map((entry) => ({ high: 0, medium: 1, low: 2 })[entry.severity])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(codes(entries)).toEqual(['ACTION_OVERDUE', 'MONEV_OVERDUE'])
  })
})
