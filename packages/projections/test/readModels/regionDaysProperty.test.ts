import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEADLINES_COLLECTION, DocumentsInMemory, deadlinesProjection, judgeWatchlist, queryDeadlines, resolveWatchlistPolicy } from '../../src'
import type { Deadline, RegisterEntry, WatchlistRule } from '../../src'

/**
 * The reference: a region's today from the IANA zone its province keeps, by
 * the platform's own time-zone data, not by the library's table of offsets.
 * Codes of no Indonesian province keep UTC.
 */
const zoneOf: Record<string, string> = {
  '11.71': 'Asia/Jakarta', '31': 'Asia/Jakarta', '33.05': 'Asia/Jakarta', '36.71': 'Asia/Jakarta', '61.71': 'Asia/Pontianak', '62': 'Asia/Pontianak',
  '51.71': 'Asia/Makassar', '64.72': 'Asia/Makassar', '71.71': 'Asia/Makassar', '76': 'Asia/Makassar',
  '81.71': 'Asia/Jayapura', '82': 'Asia/Jayapura', '91.71': 'Asia/Jayapura', '94': 'Asia/Jayapura',
  'XX': 'UTC', '99.99': 'UTC', '': 'UTC', 'mitra-1': 'UTC',
}
const regionCode = fc.constantFrom(...Object.keys(zoneOf))
/** A register entry of no known region has '' for it; regionsOf leaves it out of `regions`. */
const listedRegionCode = fc.constantFrom(...Object.keys(zoneOf).filter((code) => code !== ''))
const referenceDay = (now: Date, code: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zoneOf[code] ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)

const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true })

/** A rule that reports the day it is asked about, so the finding shows which day an entry was judged on. */
const judgedDay: WatchlistRule = { code: 'JUDGED_DAY', severity: 'low', judge: (_entry, today) => ({ since: today }), reason: () => ({ id: 'hari yang dinilai', en: 'the day judged' }) }

const entryOf = (index: number, initiatingRegion: string): RegisterEntry => ({ agreementId: `a${index}`, tenant: 'default', object: 'uji', initiatingRegion, stage: 'identified' }) as RegisterEntry

describe('for all instants and region codes', () => {
  it('the watchlist judges each entry on its initiating region’s today, and on the given day when one is given', () => {
    fc.assert(
      fc.property(instant, fc.array(regionCode, { minLength: 1, maxLength: 8 }), (now, codes) => {
        const entries = codes.map((code, index) => entryOf(index, code))
        const policy = resolveWatchlistPolicy()
        const judged = new Map(judgeWatchlist(entries, now, policy, [judgedDay]).map((finding) => [finding.agreementId, finding.since]))
        expect(judged).toEqual(new Map(codes.map((code, index) => [`a${index}`, referenceDay(now, code)])))
        const day = referenceDay(now, 'XX')
        expect(judgeWatchlist(entries, { day }, policy, [judgedDay]).map((finding) => finding.since)).toEqual(codes.map(() => day))
      }),
      { numRuns: 300 },
    )
  })

  it('deadlines run from the region’s today (with a region) or each initiating region’s today (without) for the days asked, soonest first', async () => {
    const deadline = fc.record({ offset: fc.integer({ min: -2, max: 12 }), initiating: listedRegionCode, partner: fc.option(listedRegionCode, { nil: undefined }) })
    await fc.assert(
      fc.asyncProperty(instant, fc.array(deadline, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), fc.option(listedRegionCode, { nil: undefined }), async (now, drawn, days, region) => {
        const utcDay = Math.floor(now.getTime() / DAY_MS)
        const all = drawn.map(({ offset, initiating, partner }, index) => deadlineOf(`a${String(index).padStart(2, '0')}`, dayOf(utcDay + offset), [initiating, ...(partner === undefined ? [] : [partner])]))
        const found = await queryDeadlines(await deadlinesReader(all), { now, days, ...(region === undefined ? {} : { region }) })
        const inWindow = (item: Deadline): boolean => {
          const from = referenceDay(now, region ?? (item.regions[0] as string))
          return item.dueDate >= from && item.dueDate < dayOf(Date.parse(`${from}T00:00:00Z`) / DAY_MS + days)
        }
        const expected = all.filter((item) => (region === undefined || item.regions.includes(region)) && inWindow(item))
        expect(found.map((item) => item.agreementId).sort()).toEqual(expected.map((item) => item.agreementId).sort())
        expect(found.map((item) => item.dueDate)).toEqual(found.map((item) => item.dueDate).sort())
      }),
      { numRuns: 200 },
    )
  })
})

describe('deadlines across the index’s pages of 500', () => {
  it('keeps every deadline in its own region’s window and drops the rest, page after page, soonest first', async () => {
    // 16:30 UTC on 30 November 2026: 1 December in Jayapura, still 30 November in Kebumen.
    const now = new Date('2026-11-30T16:30:00.000Z')
    const jayapuraTomorrowUtc = Array.from({ length: 700 }, (_item, n) => deadlineOf(`j${String(n).padStart(3, '0')}`, '2026-12-01', ['91.71']))
    const kebumenTomorrow = Array.from({ length: 700 }, (_item, n) => deadlineOf(`k${String(n).padStart(3, '0')}`, '2026-12-01', ['33.05', '91.71']))
    const kebumenToday = Array.from({ length: 300 }, (_item, n) => deadlineOf(`t${String(n).padStart(3, '0')}`, '2026-11-30', ['33.05']))
    const reader = await deadlinesReader([...kebumenTomorrow, ...jayapuraTomorrowUtc, ...kebumenToday])
    const found = await queryDeadlines(reader, { now, days: 1 })
    expect(found.map((item) => item.agreementId)).toEqual([...kebumenToday, ...jayapuraTomorrowUtc].map((item) => item.agreementId))
    // Jayapura's window with a region: its own action and Kebumen's one shared with it, both due on Jayapura's today.
    expect(await queryDeadlines(reader, { now, days: 1, region: '91.71' })).toHaveLength(1400)
    expect(await queryDeadlines(reader, { now, days: 1, region: '33.05' })).toHaveLength(300)
  })
})

const DAY_MS = 86_400_000
const dayOf = (number: number): string => new Date(number * DAY_MS).toISOString().slice(0, 10)

/** A deadline as the projection writes it: `regions` as regionsOf makes them, the initiating region first, each once. */
function deadlineOf(agreementId: string, dueDate: string, regions: string[]): Deadline {
  return { kind: 'action', dueDate, agreementId, tenant: 'default', object: 'uji', regions: [...new Set(regions)], actionId: `${agreementId}-action-1` }
}

async function deadlinesReader(deadlines: Deadline[]): Promise<DocumentsInMemory> {
  const reader = new DocumentsInMemory(deadlinesProjection.collections)
  for (const item of deadlines) await reader.transaction.put(DEADLINES_COLLECTION, `default/${item.agreementId}|action`, item as unknown as Record<string, unknown>)
  return reader
}
