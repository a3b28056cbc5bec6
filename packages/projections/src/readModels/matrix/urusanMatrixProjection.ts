import { findUrusan } from '@kerjasama/core'
import type { AgreementState, ReadModelTransaction } from '@kerjasama/core'
import { defineProjection } from '../../projection'
import { foldAgreement } from '../agreementFold'
import { provinceOf, regionsOf, stageOf } from '../agreementFacts'
import type { Stage } from '../register/registerEntry'

export const MATRIX_COLLECTION = 'urusan-matrix'
const STATE_COLLECTION = 'urusan-matrix-agreements'

/** One cell of the pemetaan urusan: how many agreements of one region touch one urusan, per stage. */
export type MatrixCell = {
  region: string
  province: string
  urusan: string
  urusanName: string
  counts: Partial<Record<Stage, number>>
  total: number
}

type Contribution = Array<{ region: string; urusan: string; stage: Stage }>

// An agreement counts once in every cell of (region taking part × urusan
// mapped), at its current stage; until its urusan are mapped it is in no cell.
function contributionOf(state: AgreementState): Contribution {
  const stage = stageOf(state)
  const affairs = state.mapping?.affairs ?? []
  if (stage === undefined) return []
  return regionsOf(state).flatMap((region) => [...new Set(affairs)].map((urusan) => ({ region, urusan, stage })))
}

async function adjust(tx: ReadModelTransaction, cell: { region: string; urusan: string; stage: Stage }, by: 1 | -1): Promise<void> {
  const id = `${cell.region}|${cell.urusan}`
  const current = ((await tx.get(MATRIX_COLLECTION, id)) as unknown as MatrixCell | undefined) ?? {
    region: cell.region,
    province: provinceOf(cell.region),
    urusan: cell.urusan,
    urusanName: findUrusan(cell.urusan)?.name ?? cell.urusan,
    counts: {},
    total: 0,
  }
  const count = (current.counts[cell.stage] ?? 0) + by
  const counts = { ...current.counts, [cell.stage]: count }
  if (count === 0) delete counts[cell.stage]
  const total = current.total + by
  if (total === 0) await tx.delete(MATRIX_COLLECTION, id)
  else await tx.put(MATRIX_COLLECTION, id, { ...current, counts, total } as unknown as Record<string, unknown>)
}

const key = (cell: { region: string; urusan: string; stage: Stage }): string => `${cell.region}|${cell.urusan}|${cell.stage}`

/** The urusan × region matrix, kept as counts so a province's page reads a few hundred cells, not every agreement. */
export const urusanMatrixProjection = defineProjection({
  name: 'urusan-matrix',
  version: 1,
  collections: { [MATRIX_COLLECTION]: { indexed: ['region', 'province', 'urusan'] } },
  async apply(stored, tx) {
    const step = await foldAgreement(stored, tx, STATE_COLLECTION)
    if (step === undefined) return
    const before = contributionOf(step.before)
    const after = contributionOf(step.after)
    const afterKeys = new Set(after.map(key))
    const beforeKeys = new Set(before.map(key))
    for (const cell of before) if (!afterKeys.has(key(cell))) await adjust(tx, cell, -1)
    for (const cell of after) if (!beforeKeys.has(key(cell))) await adjust(tx, cell, 1)
  },
})
