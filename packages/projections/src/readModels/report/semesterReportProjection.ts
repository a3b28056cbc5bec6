import { defineProjection } from '../../projection'
import { foldAgreement } from '../agreementFold'
import { regionsOf, stageOf } from '../agreementFacts'
import { datesOf } from '../eventDates'
import type { Stage } from '../register/registerEntry'

export const REPORT_COLLECTION = 'semester-report-agreements'
const STATE_COLLECTION = 'semester-report-state'

/**
 * What a semester report counts about one agreement, each fact dated by the
 * day it happened, so a report for a past semester reads the same whenever it
 * is asked for (a signing recorded in July for 28 June counts in semester 1).
 */
export type ReportFacts = {
  agreementId: string
  tenant: string
  object: string
  kind: string
  /** Indexed. */
  regions: string[]
  stageHistory: Array<{ stage: Stage; on: string }>
  signedOn: string[]
  actionsCompletedWithEvidenceOn: string[]
  monev: Array<{ on: string; score: number }>
  ended?: { on: string; reason: string; note?: string }
}

export const semesterReportProjection = defineProjection({
  name: 'semester-report',
  // 2: facts of steps that name no day are dated on the initiating region's clock, no longer by the UTC day.
  version: 2,
  collections: { [REPORT_COLLECTION]: { indexed: ['regions'] } },
  async apply(stored, tx) {
    const step = await foldAgreement(stored, tx, STATE_COLLECTION)
    if (step === undefined) return
    const on = datesOf(step.event, stored, step.after.initiatingRegion).happenedOn
    const saved = (await tx.get(REPORT_COLLECTION, step.documentId)) as unknown as ReportFacts | undefined
    const facts: ReportFacts = saved ?? { agreementId: step.agreementId, tenant: step.tenant, object: '', kind: '', regions: [], stageHistory: [], signedOn: [], actionsCompletedWithEvidenceOn: [], monev: [] }
    const after = step.after
    const stage = stageOf(after)
    // Signed on the day the last party signed, whichever signature was entered last.
    const becameSigned = after.term.signedAt !== undefined && step.before.term.signedAt === undefined
    const signedOn = after.term.signedOn ?? on
    const next: ReportFacts = {
      ...facts,
      object: after.object ?? facts.object,
      kind: after.kind ?? facts.kind,
      regions: regionsOf(after),
      stageHistory: stage !== undefined && stage !== stageOf(step.before) ? [...facts.stageHistory, { stage, on: stage === 'signed' ? signedOn : on }] : facts.stageHistory,
      signedOn: becameSigned ? [...facts.signedOn, signedOn] : facts.signedOn,
      actionsCompletedWithEvidenceOn:
        step.event.type === 'ActionCompleted' && step.event.data.evidence !== undefined ? [...facts.actionsCompletedWithEvidenceOn, on] : facts.actionsCompletedWithEvidenceOn,
      monev: step.event.type === 'MonevRecorded' ? [...facts.monev, { on, score: step.event.data.score }] : facts.monev,
      ...(after.ended !== undefined && step.before.ended === undefined
        ? { ended: { on, reason: after.ended.reason, ...(after.ended.note === undefined ? {} : { note: after.ended.note }) } }
        : {}),
    }
    await tx.put(REPORT_COLLECTION, step.documentId, next as unknown as Record<string, unknown>)
  },
})
