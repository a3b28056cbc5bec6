import { describe, expect, it } from 'vitest'
import { agreementLifecycle } from '@kerjasama/core/testing'
import type { LifecycleStep } from '@kerjasama/core/testing'
import { agreementAsOf, builtInProjections, queryRegister, querySemesterReport, registerAsOf, watchlistAsOf } from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'
import type { History } from '../support/lifecycleHistory'

/** Runs the lifecycle's steps labelled `label…` on `recordedAt`, each saying it happened on `occurredOn`. */
async function recordLate(history: History, steps: LifecycleStep[], label: string, recordedAt: string, occurredOn: string): Promise<void> {
  history.clock.set(recordedAt)
  for (const step of steps.filter((candidate) => candidate.label.startsWith(label))) {
    await history.service.execute({ ...step.command, occurredOn } as typeof step.command, { actor: step.actor })
  }
}

/**
 * A KSDPK agreement whose KB both parties signed on 30 June 2022 and which
 * the Bagian Kerja Sama entered on 3 July. The lifecycle starts on 6 May, so
 * TKKSD discussed the KB draft on 22 June and the plan's action is due 4 August.
 */
async function kbSignedOn30JuneEnteredOn3July(): Promise<History> {
  const history = newHistory('2022-05-06T02:00:00.000Z')
  const options = { agreementId: 'gula-merah', start: '2022-05-06T02:00:00.000Z' }
  await runLifecycle(history, 'KSDPK', options, { stopBefore: 'sign KB' })
  await recordLate(history, agreementLifecycle('KSDPK', options), 'sign KB', '2022-07-03T02:00:00.000Z', '2022-06-30')
  return history
}

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

  it('by happened, counts a KB signed on 30 June and entered on 3 July for 30 June; by recorded, for 3 July', async () => {
    const history = await kbSignedOn30JuneEnteredOn3July()
    const kbSignatures = async (date: string, by: 'recorded' | 'happened') => (await agreementAsOf(history.store, 'gula-merah', { date, by })).term.signatures.KB.length
    expect(await kbSignatures('2022-06-29', 'happened')).toBe(0)
    expect(await kbSignatures('2022-06-30', 'happened')).toBe(2)
    expect(await kbSignatures('2022-06-30', 'recorded')).toBe(0)
    expect(await kbSignatures('2022-07-02', 'recorded')).toBe(0)
    expect(await kbSignatures('2022-07-03', 'recorded')).toBe(2)
    // Recorded is the default clock.
    expect((await agreementAsOf(history.store, 'gula-merah', { date: '2022-07-02' })).term.signatures.KB).toHaveLength(0)

    const register = async (date: string, by: 'recorded' | 'happened') => (await queryRegister(await registerAsOf(history.store, { date, by }))).items[0]
    expect((await register('2022-06-30', 'happened'))?.term).toMatchObject({ kbSignedOn: '2022-06-30', kbSignedAt: '2022-07-03T02:00:00.000Z' })
    expect((await register('2022-07-02', 'recorded'))?.term.kbSignedOn).toBeUndefined()
  })

  it('judges the watchlist from the day the KB was signed, not the day it was entered, by either clock', async () => {
    const history = await kbSignedOn30JuneEnteredOn3July()
    // 90 days for the PKS from 30 June: at risk from 29 September (from 3 July it would be 2 October).
    for (const by of ['happened', 'recorded'] as const) {
      expect((await watchlistAsOf(history.store, { date: '2022-09-28', by })).map((entry) => entry.code)).toEqual([])
      const risks = await watchlistAsOf(history.store, { date: '2022-09-29', by })
      expect(risks.map((entry) => entry.code)).toEqual(['KB_WITHOUT_PKS'])
      expect(risks[0]).toMatchObject({ since: '2022-09-29', details: { kbSignedOn: '2022-06-30' } })
    }
  })

  it('by happened, an action started on 20 July and entered on 25 July is started as of 23 July; by recorded it is not, and the agreement is at risk', async () => {
    // Signed on 23 April 2022 (lifecycle day 60): no action started by 22 July puts it on the watchlist from 23 July.
    const history = newHistory()
    const options = { agreementId: 'toko-daring' }
    await runLifecycle(history, 'KSDPK', options, { stopBefore: 'start action' })
    await recordLate(history, agreementLifecycle('KSDPK', { ...options, start: '2022-02-22T02:00:00.000Z' }), 'start action', '2022-07-25T02:00:00.000Z', '2022-07-20')
    const codes = async (by: 'recorded' | 'happened') => (await watchlistAsOf(history.store, { date: '2022-07-23', by })).map((entry) => entry.code).sort()
    // The action fell due on 23 May and is not completed: overdue either way.
    expect(await codes('happened')).toEqual(['ACTION_OVERDUE'])
    expect(await codes('recorded')).toEqual(['ACTION_OVERDUE', 'NO_ACTION_STARTED'])
    const action = (await agreementAsOf(history.store, 'toko-daring', { date: '2022-07-23', by: 'happened' })).term.workPlan?.actions[0]
    expect(action).toMatchObject({ status: 'started', startedOn: '2022-07-20', startedAt: '2022-07-25T02:00:00.000Z' })
  })

  it('the semester report counts a PKS signed on 30 June and entered on 3 July as a signing of the first semester', async () => {
    // Lifecycle from 1 May: the PKS (day 60) falls due for signing on 30 June; it is entered on 3 July.
    const history = newHistory('2022-05-01T02:00:00.000Z')
    const options = { agreementId: 'gula-merah', start: '2022-05-01T02:00:00.000Z' }
    await runLifecycle(history, 'KSDPK', options, { stopBefore: 'sign PKS' })
    await recordLate(history, agreementLifecycle('KSDPK', options), 'sign PKS', '2022-07-03T02:00:00.000Z', '2022-06-30')
    const reader = await buildReadModels(history.store, builtInProjections)
    const first = (await querySemesterReport(reader, { semester: '2022-1' })).rows[0]
    const second = (await querySemesterReport(reader, { semester: '2022-2' })).rows[0]
    expect(first).toMatchObject({ newSignings: 1, byStage: { signed: 1 } })
    expect(second).toMatchObject({ newSignings: 0, byStage: { signed: 1 } })
    const entry = (await queryRegister(reader)).items[0]
    expect(entry?.term).toMatchObject({ signedOn: '2022-06-30', signedAt: '2022-07-03T02:00:00.000Z', kbSignedOn: '2022-06-25' })
    expect(entry?.stageDates.signed).toEqual({ recordedAt: '2022-07-03T02:00:00.000Z', happenedOn: '2022-06-30' })
    // A three-year term runs from the signing day.
    expect(entry?.endDate).toBe('2025-06-30')
  })

  it('refuses a date that is not a calendar day, naming the field', async () => {
    const history = newHistory()
    await expect(registerAsOf(history.store, { date: '2022-13-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(registerAsOf(history.store, { date: '2022-01-01', by: 'signed' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
