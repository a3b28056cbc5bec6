import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, parseAgreementEvent, termEndsAt } from '@kerjasama/core'
import type { AgreementState } from '@kerjasama/core'
import { builtInProjections, queryDeadlines, queryPotentials, queryRegister, queryUrusanMatrix } from '../../src'
import { buildReadModels } from '../support/buildReadModels'
import { newHistory, runLifecycle } from '../support/lifecycleHistory'

const urusan = ['2.17', '3.26', '3.30', '1.02']
const partnersByRegion = { '33.06': { partnerId: '33.06', name: 'Kabupaten Purworejo', kind: 'daerah' as const, regionCode: '33.06' } }

const agreementArb = fc.record({
  variant: fc.constantFrom('KSDPK' as const, 'KSDD-sukarela' as const, 'Sinergi' as const),
  steps: fc.integer({ min: 1, max: 25 }),
  affairs: fc.subarray(urusan, { minLength: 1 }),
  potential: fc.constantFrom(undefined, 'Gula merah Kebumen', 'gula MERAH kebumen', 'Batik Purworejo'),
})

/** The simple model: every agreement's state folded straight from its own stream. */
async function referenceStates(history: Awaited<ReturnType<typeof newHistory>>, ids: string[]): Promise<Map<string, AgreementState>> {
  const states = new Map<string, AgreementState>()
  for (const id of ids) {
    const events = (await history.service.history(id)).map((stored) => parseAgreementEvent(stored.type, stored.schemaVersion, stored.data))
    if (events.length > 0) states.set(id, fold(events))
  }
  return states
}

describe('read models against a reference fold', () => {
  it('for all generated histories, register, matrix, potentials and deadlines equal what the folded states say', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(agreementArb, { minLength: 1, maxLength: 5 }), async (agreements) => {
        const history = newHistory()
        const ids = agreements.map((_agreement, index) => `a${index}`)
        for (const [index, agreement] of agreements.entries()) {
          await runLifecycle(history, agreement.variant, {
            agreementId: ids[index] as string,
            affairs: agreement.affairs,
            ...(agreement.potential === undefined ? {} : { potential: agreement.potential }),
            ...(agreement.variant === 'KSDD-sukarela' ? { partners: [partnersByRegion['33.06']] } : {}),
          }, { steps: agreement.steps })
        }
        const reader = await buildReadModels(history.store, builtInProjections)
        const states = await referenceStates(history, ids)

        const register = await queryRegister(reader, { limit: 500 })
        expect(register.items.map((entry) => entry.agreementId).sort()).toEqual([...states.keys()].sort())
        for (const entry of register.items) expect(entry.stage).toBe(states.get(entry.agreementId)?.status)

        const expectedCells = new Map<string, number>()
        for (const state of states.values()) {
          const regions = [...new Set([state.initiatingRegion, ...state.partners.map((partner) => partner.regionCode)].filter((code): code is string => code !== undefined))]
          for (const region of regions) for (const code of new Set(state.mapping?.affairs ?? [])) expectedCells.set(`${region}|${code}|${state.status}`, (expectedCells.get(`${region}|${code}|${state.status}`) ?? 0) + 1)
        }
        const matrix = await queryUrusanMatrix(reader, { province: '33' })
        const actualCells = new Map<string, number>()
        for (const row of matrix.rows) for (const [code, cell] of Object.entries(row.cells)) for (const [stage, count] of Object.entries(cell.counts)) actualCells.set(`${row.region}|${code}|${stage}`, count as number)
        expect(actualCells).toEqual(expectedCells)

        const withPotential = [...states.values()].filter((state) => state.potential !== undefined)
        const potentials = await queryPotentials(reader)
        expect(potentials.flatMap((potential) => potential.agreements.map((agreement) => agreement.agreementId)).sort()).toEqual(withPotential.map((state) => state.agreementId).sort())
        expect(new Set(potentials.map((potential) => potential.potential.toLowerCase().replace(/\s+/g, ' '))).size).toBe(potentials.length)

        // Every generated date falls between 2022 and 2026: one ten-year window holds them all.
        const deadlines = await queryDeadlines(reader, { now: new Date('2020-01-01T00:00:00Z'), days: 3650 })
        const expectedDeadlines = [...states.values()].flatMap((state) => {
          if (state.status === 'ended') return []
          const actions = (state.term.workPlan?.actions ?? []).filter((action) => action.status !== 'completed').map((action) => `${state.agreementId}:action:${action.actionId}`)
          return termEndsAt(state) === undefined ? actions : [...actions, `${state.agreementId}:term-end`]
        })
        const found = deadlines.map((deadline) => `${deadline.agreementId}:${deadline.kind}${deadline.actionId === undefined ? '' : `:${deadline.actionId}`}`)
        expect(found.sort()).toEqual(expectedDeadlines.sort())
      }),
      { numRuns: 25 },
    )
  })
})
