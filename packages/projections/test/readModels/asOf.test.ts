import { describe, expect, it } from 'vitest'
import { agreementAsOf, queryRegister, registerAsOf, watchlistAsOf } from '../../src'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

describe('as of a date', () => {
  it('rebuilds the register and one agreement’s state from the events recorded up to that day', async () => {
    const history = newHistory()
    await runLifecycle(history, 'KSDPK', { agreementId: 'gula-merah' })
    // Work plan on 2022-03-29 (day 35), signed on 2022-04-23 (day 60).
    const before = await registerAsOf(history.store, { date: '2022-04-22' })
    expect((await queryRegister(before)).items.map((entry) => entry.stage)).toEqual(['coordinated'])
    const after = await registerAsOf(history.store, { date: '2022-04-23' })
    expect((await queryRegister(after)).items.map((entry) => entry.stage)).toEqual(['signed'])
    expect((await agreementAsOf(history.store, 'gula-merah', { date: '2022-03-01' })).status).toBe('mapped')
    expect((await agreementAsOf(history.store, 'gula-merah', { date: '2022-02-21' })).status).toBe('none')
    expect((await agreementAsOf(history.store, 'gula-merah', { date: '2030-01-01' })).status).toBe('evaluated')
  })

  it('judges the watchlist as it stood at the end of that day', async () => {
    const history = newHistory()
    await runLifecycle(history, 'KSDPK', { agreementId: 'a' }, { stopBefore: 'complete action' })
    // The action fell due on 2022-05-23 (day 90): overdue from the 24th.
    expect((await watchlistAsOf(history.store, { date: '2022-05-23' })).map((entry) => entry.code)).toEqual([])
    expect((await watchlistAsOf(history.store, { date: '2022-05-24' })).map((entry) => entry.code)).toEqual(['ACTION_OVERDUE'])
  })

  it('refuses a date that is not a calendar day, naming the field', async () => {
    const history = newHistory()
    await expect(registerAsOf(history.store, { date: '2022-13-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(registerAsOf(history.store, { date: '2022-01-01', by: 'signed' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
