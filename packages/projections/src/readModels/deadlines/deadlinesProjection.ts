import { termEndsAt } from '@kerjasama/core'
import type { AgreementState } from '@kerjasama/core'
import { defineProjection } from '../../projection'
import { foldAgreement } from '../agreementFold'
import { regionsOf } from '../agreementFacts'
import { calendarDay } from '../eventDates'

export const DEADLINES_COLLECTION = 'deadlines'
const STATE_COLLECTION = 'deadlines-agreements'

/** Something falling due on a day: a work-plan action to complete, or the end of an agreement's term. */
export type Deadline = {
  kind: 'action' | 'term-end'
  /** YYYY-MM-DD. Indexed. */
  dueDate: string
  agreementId: string
  tenant: string
  object: string
  /** Indexed. */
  regions: string[]
  actionId?: string
  description?: string
  owner?: string
  output?: string
}

// Deadlines of agreements still under way: once an agreement has ended, or an
// action is completed, nothing of it falls due any more.
function deadlinesOf(state: AgreementState, tenant: string, documentId: string): Map<string, Deadline> {
  const deadlines = new Map<string, Deadline>()
  if (state.status === 'none' || state.status === 'ended' || state.agreementId === undefined) return deadlines
  const base = { agreementId: state.agreementId, tenant, object: state.object ?? '', regions: regionsOf(state) }
  for (const action of state.term.workPlan?.actions ?? []) {
    if (action.status === 'completed') continue
    deadlines.set(`${documentId}|action|${action.actionId}`, {
      ...base,
      kind: 'action',
      dueDate: calendarDay(action.dueDate),
      actionId: action.actionId,
      description: action.description,
      owner: action.owner,
      output: action.output,
    })
  }
  const ends = termEndsAt(state)
  if (ends !== undefined) deadlines.set(`${documentId}|term-end`, { ...base, kind: 'term-end', dueDate: calendarDay(ends.toISOString()) })
  return deadlines
}

export const deadlinesProjection = defineProjection({
  name: 'deadlines',
  version: 1,
  collections: { [DEADLINES_COLLECTION]: { indexed: ['dueDate', 'regions', 'kind'] } },
  async apply(stored, tx) {
    const step = await foldAgreement(stored, tx, STATE_COLLECTION)
    if (step === undefined) return
    const before = deadlinesOf(step.before, step.tenant, step.documentId)
    const after = deadlinesOf(step.after, step.tenant, step.documentId)
    for (const id of before.keys()) if (!after.has(id)) await tx.delete(DEADLINES_COLLECTION, id)
    for (const [id, deadline] of after) {
      if (JSON.stringify(before.get(id)) !== JSON.stringify(deadline)) await tx.put(DEADLINES_COLLECTION, id, deadline as unknown as Record<string, unknown>)
    }
  },
})
