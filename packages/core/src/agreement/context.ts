import type { Actor } from '../store'
import type { AgreementPolicy } from './policy'
import type { RegionDirectory } from '../reference/regionDirectory'

/** What decide may not fetch itself: the instant, who acts, fresh ids, the region's policy. */
export type DecideContext = {
  now: Date
  actor: Actor
  newId: () => string
  policy: AgreementPolicy
  /** Which codes are regions; the bundled Jawa Tengah table (jawaTengahRegions) when absent. */
  regions?: RegionDirectory
}
