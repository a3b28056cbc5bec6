import { describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import { runLifecycle, testActors, testClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createMemoryDatabase, openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createDashboard, createKerjasamaHandler } from '../../src'
import { tableRows } from '../support/pageText'

// 18:00 UTC on 22 May 2022 is 01:00 on the 23rd in Kebumen (WIB), the day the online shop's action falls due.
const NOW = new Date('2022-05-22T18:00:00.000Z')

/** Kebumen's online shop, signed and nothing started, on a handler of `tenant` judged at NOW. */
async function dashboardOf(tenant: string | undefined, now = NOW): Promise<(path: string) => Promise<string>> {
  const database = createMemoryDatabase()
  const scope = tenant === undefined ? {} : { tenant }
  const eventStore = openMemoryStore({ database, ...scope })
  const readModels = openMemoryReadModelStore({ database, ...scope })
  const clock = testClock('2022-02-22T02:00:00.000Z')
  const service = createAgreementService({ store: eventStore, clock })
  await runLifecycle(service, clock, 'KSDPK', { agreementId: 'toko-daring' }, { stopBefore: 'start action' })
  await createProjectionRunner({ eventStore, readModels, projections: [...builtInProjections] }).catchUp()
  const handler = createKerjasamaHandler({ service, readModels, eventStore, clock: () => now, authenticate: () => testActors.tkksd, dashboard: createDashboard() })
  return async (path) => (await handler.fetch(new Request(`http://kerjasama.test${path}`))).text()
}

const asOfDay = (page: string): string | undefined => /<p class="as-of">[^<]*<time datetime="(\d{4}-\d{2}-\d{2})">/.exec(page)?.[1]

describe('the dashboard’s “as of” day', () => {
  it('is the day of the page’s region filter, else of the handler’s tenant when it is a region’s code, else the UTC day', async () => {
    const shared = await dashboardOf(undefined)
    expect(asOfDay(await shared('/watchlist'))).toBe('2022-05-22')
    expect(asOfDay(await shared('/watchlist?region=33.05'))).toBe('2022-05-23')
    expect(asOfDay(await shared('/deadlines'))).toBe('2022-05-22')
    expect(asOfDay(await shared('/deadlines?region=33.05'))).toBe('2022-05-23')
    const kebumen = await dashboardOf('33.05')
    expect(asOfDay(await kebumen('/watchlist'))).toBe('2022-05-23')
    expect(asOfDay(await kebumen('/deadlines'))).toBe('2022-05-23')
  })

  it('lists what falls due on the region’s today: the action due on the 23rd, already today in Kebumen though UTC is on the 22nd', async () => {
    const shared = await dashboardOf(undefined)
    expect(tableRows(await shared('/deadlines?days=1'), 'deadlines').map((row) => row[0])).toEqual(['23 Mei 2022'])
    expect(tableRows(await shared('/deadlines?days=1&region=33.05'), 'deadlines').map((row) => row[0])).toEqual(['23 Mei 2022'])
  })

  it('opens the semester report on the semester of the region’s today: at 01:00 on 1 July in Kebumen the second, while UTC is still in the first', async () => {
    const semesterShown = (page: string): string | undefined => /name="semester"[^>]*value="([^"]+)"/.exec(page)?.[1] ?? /value="([^"]+)"[^>]*name="semester"/.exec(page)?.[1]
    const midYear = new Date('2022-06-30T18:00:00.000Z')
    const shared = await dashboardOf(undefined, midYear)
    expect(semesterShown(await shared('/reports/semester'))).toBe('2022-1')
    expect(semesterShown(await shared('/reports/semester?region=33.05'))).toBe('2022-2')
    const kebumen = await dashboardOf('33.05', midYear)
    expect(semesterShown(await kebumen('/reports/semester'))).toBe('2022-2')
    expect(semesterShown(await kebumen('/reports/semester?semester=2021-2'))).toBe('2021-2')
  })
})
