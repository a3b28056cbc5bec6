import type { AgreementState } from '@kerjasama/core'
import { defineProjection } from '../../projection'
import { foldAgreement } from '../agreementFold'
import { regionsOf, stageOf } from '../agreementFacts'
import { potentialKey } from '../register/registerEntry'
import type { Stage } from '../register/registerEntry'

export const POTENTIALS_COLLECTION = 'potentials'
const STATE_COLLECTION = 'potentials-agreements'

export type PotentialAgreement = { agreementId: string; tenant: string; object: string; kind: string; initiatingRegion: string; regions: string[]; stage: Stage }

/** One local potential (Kebumen's gula merah) and every agreement pursuing it. */
export type Potential = {
  key: string
  /** As the first agreement that named it wrote it. */
  potential: string
  /** Every region taking part in one of its agreements. Indexed. */
  regions: string[]
  agreements: Record<string, PotentialAgreement>
}

function entryOf(state: AgreementState, tenant: string): PotentialAgreement | undefined {
  const stage = stageOf(state)
  if (stage === undefined || state.agreementId === undefined) return undefined
  return { agreementId: state.agreementId, tenant, object: state.object ?? '', kind: state.kind ?? '', initiatingRegion: state.initiatingRegion ?? '', regions: regionsOf(state), stage }
}

export const potentialsProjection = defineProjection({
  name: 'potentials',
  version: 1,
  collections: { [POTENTIALS_COLLECTION]: { indexed: ['key', 'regions'] } },
  async apply(stored, tx) {
    const step = await foldAgreement(stored, tx, STATE_COLLECTION)
    if (step === undefined) return
    const previousKey = step.before.potential === undefined ? undefined : potentialKey(step.before.potential)
    const nextKey = step.after.potential === undefined ? undefined : potentialKey(step.after.potential)
    if (previousKey !== undefined && previousKey !== nextKey) {
      const old = (await tx.get(POTENTIALS_COLLECTION, previousKey)) as unknown as Potential | undefined
      if (old !== undefined) {
        const { [step.documentId]: _gone, ...rest } = old.agreements
        await save(tx, { ...old, agreements: rest })
      }
    }
    const entry = entryOf(step.after, step.tenant)
    if (nextKey === undefined || entry === undefined || step.after.potential === undefined) return
    const current = ((await tx.get(POTENTIALS_COLLECTION, nextKey)) as unknown as Potential | undefined) ?? { key: nextKey, potential: step.after.potential.trim(), regions: [], agreements: {} }
    await save(tx, { ...current, agreements: { ...current.agreements, [step.documentId]: entry } })
  },
})

async function save(tx: Parameters<typeof potentialsProjection.apply>[1], potential: Potential): Promise<void> {
  const agreements = Object.values(potential.agreements)
  if (agreements.length === 0) return tx.delete(POTENTIALS_COLLECTION, potential.key)
  const regions = [...new Set(agreements.flatMap((agreement) => agreement.regions))].sort()
  await tx.put(POTENTIALS_COLLECTION, potential.key, { ...potential, regions } as unknown as Record<string, unknown>)
}
