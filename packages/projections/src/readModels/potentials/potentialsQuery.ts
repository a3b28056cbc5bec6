import { z } from 'zod'
import { parseOrThrow } from '@kerjasama/core'
import type { ReadModelReader } from '@kerjasama/core'
import { stages } from '../agreementFacts'
import type { Stage } from '../register/registerEntry'
import { POTENTIALS_COLLECTION } from './potentialsProjection'
import type { Potential, PotentialAgreement } from './potentialsProjection'

export const potentialsQuerySchema = z.strictObject({ region: z.string().trim().min(1).max(10).optional() })
export type PotentialsQuery = z.input<typeof potentialsQuerySchema>

export type PotentialView = {
  potential: string
  regions: string[]
  agreements: PotentialAgreement[]
  /** The furthest stage any of its agreements reached ("ended" counts as furthest only when all ended). */
  furthestStage: Stage
}

const progress: readonly Stage[] = stages.filter((stage) => stage !== 'ended')

/** Every identified potential with the regions and agreements pursuing it and how far each got, most pursued first. */
export async function queryPotentials(reader: ReadModelReader, query: PotentialsQuery = {}): Promise<PotentialView[]> {
  const valid = parseOrThrow(potentialsQuerySchema, query, { id: 'saringan potensi daerah', en: 'potentials filter' })
  const found: Potential[] = []
  let after: string | undefined
  do {
    const page = await reader.query(POTENTIALS_COLLECTION, { ...(valid.region === undefined ? {} : { where: { regions: valid.region } }), limit: 500, ...(after === undefined ? {} : { after }) })
    found.push(...page.items.map((item) => item.document as unknown as Potential))
    after = page.next
  } while (after !== undefined)
  return found
    .map((potential) => {
      const agreements = Object.values(potential.agreements).sort((a, b) => a.agreementId.localeCompare(b.agreementId))
      const live = agreements.filter((agreement) => agreement.stage !== 'ended')
      const furthest = live.length === 0 ? 'ended' : (progress[Math.max(...live.map((agreement) => progress.indexOf(agreement.stage)))] as Stage)
      return { potential: potential.potential, regions: potential.regions, agreements, furthestStage: furthest }
    })
    .sort((a, b) => b.agreements.length - a.agreements.length || a.potential.localeCompare(b.potential))
}
