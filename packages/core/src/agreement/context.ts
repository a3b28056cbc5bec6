import type { Actor } from '../store'
import type { AgreementPolicy } from './policy'

/** What decide may not fetch itself: the instant, who acts, fresh ids, the region's policy. */
export type DecideContext = {
  now: Date
  actor: Actor
  newId: () => string
  policy: AgreementPolicy
}
