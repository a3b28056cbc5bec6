import { z } from 'zod'
import { parseOrThrow } from '../validation'
import { calendarDate, cooperationKindSchema, dateLike, durationShapes, evidenceShapes, partnerShape, planningDocumentShape, signerShape } from './valueShapes'

/**
 * Events are the legal record. Each carries a schemaVersion so an old event
 * read back years later is parsed by the schema it was written with; a new
 * shape gets a new version and an upcaster here, never an edit in place.
 *
 * Unlike commands, events are read tolerantly: a key the schema does not know
 * is dropped from the parsed event (the stored record keeps it). Commands are
 * strict because a person can correct a misspelt field before anything is
 * written; an event is already the record, and refusing it would make the
 * agreement's whole history unreadable over a key nobody folds, while the
 * hash chain (verify) is what guards a stored record against tampering.
 */
const text = z.string().min(1).max(2000)
const shortText = z.string().min(1).max(300)
const id = z.string().min(1).max(100)
const instant = z.iso.datetime({ offset: true })
const reference = z.object({ reference: shortText, url: z.string().max(2000).optional() })

const partnerRecord = z.object(partnerShape)
const planningDocumentRecord = z.object(planningDocumentShape)
const durationRecord = z.union([z.object(durationShapes.years), z.object(durationShapes.period)])
const signerRecord = z.object(signerShape)
const evidenceRecord = z.discriminatedUnion('kind', [z.object(evidenceShapes.document), z.object(evidenceShapes.url), z.object(evidenceShapes.file)])

function event<T extends string, S extends z.ZodRawShape>(type: T, data: S) {
  return z.object({ type: z.literal(type), schemaVersion: z.literal(1), data: z.object(data) })
}

export const plannedActionRecordSchema = z.object({
  actionId: id,
  description: text,
  owner: shortText,
  dueDate: dateLike,
  output: shortText,
})

export const cooperationIdentified = event('CooperationIdentified', {
  agreementId: id,
  kind: cooperationKindSchema,
  object: text,
  potential: shortText.optional(),
  initiatingUnit: shortText,
  initiatingRegion: z.string().max(10),
  partners: z.array(partnerRecord),
  at: instant,
})

export const affairsMapped = event('AffairsMapped', {
  affairs: z.array(z.string().min(1).max(60)),
  authorityStatement: text,
  planningDocuments: z.array(planningDocumentRecord),
  kak: reference,
  feasibilityStudy: reference.extend({ preparedBy: z.enum(['region', 'partner']) }).optional(),
  at: instant,
})

export const feasibilityAssessed = event('FeasibilityAssessed', { verdict: z.enum(['layak', 'tidak-layak']), notes: text, at: instant })
export const offerSent = event('OfferSent', { letterReference: shortText.optional(), at: instant })
export const offerResponseRecorded = event('OfferResponseRecorded', { partnerId: id, accepted: z.boolean(), notes: text.optional(), at: instant })

export const workPlanAgreed = event('WorkPlanAgreed', {
  actions: z.array(plannedActionRecordSchema),
  duration: durationRecord,
  sector: z.enum(['public-service', 'infrastructure']),
  funding: shortText,
  burdensPublic: z.boolean(),
  inCurrentApbd: z.boolean(),
  at: instant,
})

/**
 * What the kepala daerah's request put before the DPRD, with the object and
 * duration as they stood when it was sent (absent only if a region disabled
 * WRONG_STAGE and asked before there was a plan).
 */
export const dprdApprovalRequested = event('DprdApprovalRequested', {
  letterReference: shortText,
  object: text.optional(),
  purpose: text,
  rightsAndObligations: text,
  apbdContribution: text,
  benefit: text,
  publicBurden: text,
  duration: durationRecord.optional(),
  at: instant,
})

export const draftReviewed = event('DraftReviewed', { document: z.enum(['KB', 'PKS', 'NK']), draftReference: shortText, notes: text, at: instant })

export const dprdApprovalRecorded = event('DprdApprovalRecorded', { approved: z.boolean(), decisionReference: shortText, decidedOn: dateLike, at: instant })

/**
 * The day a signing, an action's start or completion, or a monev happened,
 * beside `at`, the instant it was recorded. decide always writes it; events
 * recorded before it existed have none, and everything that reads them
 * (evolve, the read models) takes the recording day instead.
 *
 * Still schemaVersion 1, deliberately. A new version with an upcaster is for a
 * new shape: a field renamed, retyped, made required or given a new meaning,
 * where an old event would be read wrongly. This field is none of those: it is
 * optional, no old event carries it, a reader that predates it drops it (events
 * are read tolerantly, see above) and reads the step as happening the day it
 * was recorded, which is exactly what every version-1 event meant. An upcaster
 * would have to invent the day from `at`, writing into the record a date nobody
 * gave; leaving it absent keeps "the officer named no day" distinguishable from
 * "the officer named the recording day".
 */
const occurredOn = calendarDate.optional()

const signatureData = { partyId: id, signer: signerRecord, documentReference: shortText.optional(), occurredOn, at: instant }
export const kesepakatanBersamaSigned = event('KesepakatanBersamaSigned', signatureData)
export const perjanjianKerjaSamaSigned = event('PerjanjianKerjaSamaSigned', signatureData)
export const notaKesepakatanSigned = event('NotaKesepakatanSigned', signatureData)

export const actionStarted = event('ActionStarted', { actionId: id, occurredOn, at: instant })
/** evidence is absent only when a region disabled IMPLEMENTED_WITHOUT_EVIDENCE; such an action never makes the agreement "implemented". */
export const actionCompleted = event('ActionCompleted', { actionId: id, evidence: evidenceRecord.optional(), outputAchieved: shortText.optional(), occurredOn, at: instant })
export const monevRecorded = event('MonevRecorded', {
  score: z.number().int().min(0).max(100),
  findings: text,
  recommendation: z.enum(['continue', 'amend', 'extend', 'terminate']),
  occurredOn,
  at: instant,
})
export const agreementAmended = event('AgreementAmended', {
  description: text,
  documentReference: shortText.optional(),
  addActions: z.array(plannedActionRecordSchema).optional(),
  funding: shortText.optional(),
  at: instant,
})
/** The current term is superseded and coordination runs again for the next one. */
export const extensionOpened = event('ExtensionOpened', { reason: text, at: instant })
export const agreementTerminated = event('AgreementTerminated', { reason: text, supersededBy: id.optional(), at: instant })
export const agreementExpired = event('AgreementExpired', { at: instant })

export const agreementEventSchema = z.discriminatedUnion('type', [
  cooperationIdentified,
  affairsMapped,
  feasibilityAssessed,
  offerSent,
  offerResponseRecorded,
  workPlanAgreed,
  draftReviewed,
  dprdApprovalRequested,
  dprdApprovalRecorded,
  kesepakatanBersamaSigned,
  perjanjianKerjaSamaSigned,
  notaKesepakatanSigned,
  actionStarted,
  actionCompleted,
  monevRecorded,
  agreementAmended,
  extensionOpened,
  agreementTerminated,
  agreementExpired,
])

export type AgreementEvent = z.infer<typeof agreementEventSchema>
export type AgreementEventType = AgreementEvent['type']
export type EventOf<T extends AgreementEventType> = Extract<AgreementEvent, { type: T }>
export type PlannedAction = z.infer<typeof plannedActionRecordSchema>

export const agreementEventTypes = agreementEventSchema.options.map((option) => option.shape.type.value) as readonly AgreementEventType[]

/** Validates an event read back from storage; ValidationError (VALIDATION_FAILED) when it does not match its schema. */
export function parseAgreementEvent(type: string, schemaVersion: number, data: unknown): AgreementEvent {
  return parseOrThrow(agreementEventSchema, { type, schemaVersion, data }, () => {
    const shown = typeof type === 'string' ? type.slice(0, 60) : '?'
    return { id: `peristiwa tersimpan ${shown}`, en: `stored event ${shown}` }
  })
}
