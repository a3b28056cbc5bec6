import { z } from 'zod'
import { parseOrThrow } from '../validation'
import {
  calendarDate, cooperationKindSchema, dateLike, durationShapes, evidenceShapes, id, partnerShape, planningDocumentShape, shortText, signerShape, text,
} from './valueShapes'

/**
 * Every command an agreement accepts, as zod schemas. The schemas check shape
 * only; what the law and the anti-ceremonial policy say lives in guards.ts,
 * so a refused step gets a coded reason rather than a schema error. That is
 * why `kind` accepts foreign cooperation and non-cooperation: the guard
 * refuses them with FOREIGN_COOPERATION_OUT_OF_SCOPE / NOT_COOPERATION.
 *
 * Every object is strict: a field the schema does not know (a misspelt
 * optional field) is refused with VALIDATION_FAILED naming it, never dropped.
 */
export {
  cooperationKinds, cooperationKindSchema, dateLike, foreignCooperationKinds, nonCooperationKinds, partnerKinds, signerCapacities,
} from './valueShapes'

const reference = z.strictObject({ reference: shortText, url: z.url().max(2000).optional() })

export const partnerSchema = z.strictObject(partnerShape)

const identifyCooperation = z.strictObject({
  type: z.literal('IdentifyCooperation'),
  /** Optional here: the service gives a new agreement its id. */
  agreementId: id.optional(),
  kind: cooperationKindSchema,
  /** What is cooperated on, e.g. "Pengembangan sentra gula merah". */
  object: text,
  /** The local potential it serves, when there is one (Kebumen's gula merah). */
  potential: shortText.optional(),
  initiatingUnit: shortText,
  initiatingRegion: z.string().max(10),
  partners: z.array(partnerSchema).min(1).max(50),
})

export const planningDocumentSchema = z.strictObject(planningDocumentShape)

const mapAffairs = z.strictObject({
  type: z.literal('MapAffairs'),
  agreementId: id,
  /** Urusan or supporting-unit codes ("2.17", "4.02"); absolute affairs and unknown codes are refused by guards. */
  affairs: z.array(z.string().trim().min(1).max(60)).min(1).max(40),
  authorityStatement: text,
  planningDocuments: z.array(planningDocumentSchema).min(1).max(20),
  kak: reference,
  // strictObject again rather than extend(), which would drop the strictness.
  feasibilityStudy: z.strictObject({ ...reference.shape, preparedBy: z.enum(['region', 'partner']) }).optional(),
})

const assessFeasibility = z.strictObject({
  type: z.literal('AssessFeasibility'),
  agreementId: id,
  verdict: z.enum(['layak', 'tidak-layak']),
  notes: text,
})

const sendOffer = z.strictObject({ type: z.literal('SendOffer'), agreementId: id, letterReference: shortText.optional() })

const recordOfferResponse = z.strictObject({
  type: z.literal('RecordOfferResponse'),
  agreementId: id,
  partnerId: id,
  accepted: z.boolean(),
  notes: text.optional(),
})

export const plannedActionSchema = z.strictObject({
  /** Optional: decide names the action when the caller does not. */
  actionId: id.optional(),
  description: text,
  owner: shortText,
  dueDate: dateLike,
  /** Measurable output, e.g. "40 perajin terlatih". */
  output: shortText,
})

export const durationSchema = z.union([z.strictObject(durationShapes.years), z.strictObject(durationShapes.period)])

const agreeWorkPlan = z.strictObject({
  type: z.literal('AgreeWorkPlan'),
  agreementId: id,
  /** May be empty in shape; WORK_PLAN_WITHOUT_ACTION refuses it with a reason. */
  actions: z.array(plannedActionSchema).max(200),
  duration: durationSchema,
  sector: z.enum(['public-service', 'infrastructure']),
  funding: shortText,
  burdensPublic: z.boolean(),
  inCurrentApbd: z.boolean(),
})

/**
 * TKKSD discusses the draft of each document before anyone signs it
 * (Permendagri 22/2020): the KB and the PKS, or the Nota Kesepakatan.
 */
const reviewDraft = z.strictObject({
  type: z.literal('ReviewDraft'),
  agreementId: id,
  document: z.enum(['KB', 'PKS', 'NK']),
  draftReference: shortText,
  notes: text,
})

/**
 * The kepala daerah's letter asking the DPRD for approval. PP 28/2018 names
 * what it must state; the object and the duration are taken from the
 * agreement itself, the rest the region writes here.
 */
const requestDprdApproval = z.strictObject({
  type: z.literal('RequestDprdApproval'),
  agreementId: id,
  letterReference: shortText,
  purpose: text,
  rightsAndObligations: text,
  apbdContribution: text,
  benefit: text,
  publicBurden: text,
})

const recordDprdApproval = z.strictObject({
  type: z.literal('RecordDprdApproval'),
  agreementId: id,
  approved: z.boolean(),
  decisionReference: shortText,
  decidedOn: dateLike,
})

export const signerSchema = z.strictObject(signerShape)

/**
 * The day the step happened (the date on the signed document, the day the
 * training ran), when the officer records it later. Optional: decide writes
 * today when absent, the day on the initiating region's clock (WIB, WITA or
 * WIT; indonesianDays.ts). A day begun nowhere in Indonesia yet, or before
 * the step it follows, is refused (OCCURRED_IN_FUTURE,
 * OCCURRED_BEFORE_PREVIOUS_STEP).
 */
const occurredOn = calendarDate.optional()

const signature = {
  agreementId: id,
  /** The signing party: the initiating region's code or a partner's id. Each party signs separately. */
  partyId: id,
  signer: signerSchema,
  documentReference: shortText.optional(),
  occurredOn,
}

const signKesepakatanBersama = z.strictObject({ type: z.literal('SignKesepakatanBersama'), ...signature })
const signPerjanjianKerjaSama = z.strictObject({ type: z.literal('SignPerjanjianKerjaSama'), ...signature })
const signNotaKesepakatan = z.strictObject({ type: z.literal('SignNotaKesepakatan'), ...signature })

const startAction = z.strictObject({ type: z.literal('StartAction'), agreementId: id, actionId: id, occurredOn })

export const evidenceSchema = z.discriminatedUnion('kind', [z.strictObject(evidenceShapes.document), z.strictObject(evidenceShapes.url), z.strictObject(evidenceShapes.file)])

const completeAction = z.strictObject({
  type: z.literal('CompleteAction'),
  agreementId: id,
  actionId: id,
  /** Optional in shape; IMPLEMENTED_WITHOUT_EVIDENCE refuses its absence with a reason. */
  evidence: evidenceSchema.optional(),
  outputAchieved: shortText.optional(),
  occurredOn,
})

const recordMonev = z.strictObject({
  type: z.literal('RecordMonev'),
  agreementId: id,
  /** The public rubric: 100 fully carried out, 75 partly, 50 no work plan followed, 0 nothing happened. */
  score: z.number().int().min(0).max(100),
  findings: text,
  recommendation: z.enum(['continue', 'amend', 'extend', 'terminate']),
  /** The day the monev was held. */
  occurredOn,
})

const amend = z.strictObject({
  type: z.literal('Amend'),
  agreementId: id,
  description: text,
  /** The addendum the parties signed; optional in shape, AMENDMENT_WITHOUT_ADDENDUM refuses its absence with a reason. */
  documentReference: shortText.optional(),
  addActions: z.array(plannedActionSchema).max(200).optional(),
  funding: shortText.optional(),
  /** A changed duration is refused (EXTENSION_AS_DATE_EDIT): use Extend, which re-runs coordination. */
  duration: durationSchema.optional(),
})

const extend = z.strictObject({ type: z.literal('Extend'), agreementId: id, reason: text })

const terminate = z.strictObject({
  type: z.literal('Terminate'),
  agreementId: id,
  reason: text,
  /** When a new agreement replaces this one, it ends as 'superseded'. */
  supersededBy: id.optional(),
})

const expire = z.strictObject({ type: z.literal('Expire'), agreementId: id })

export const agreementCommandSchema = z.discriminatedUnion('type', [
  identifyCooperation,
  mapAffairs,
  assessFeasibility,
  sendOffer,
  recordOfferResponse,
  agreeWorkPlan,
  reviewDraft,
  requestDprdApproval,
  recordDprdApproval,
  signKesepakatanBersama,
  signPerjanjianKerjaSama,
  signNotaKesepakatan,
  startAction,
  completeAction,
  recordMonev,
  amend,
  extend,
  terminate,
  expire,
])

export type AgreementCommand = z.infer<typeof agreementCommandSchema>
/** What a caller passes to execute: the schema's input, so a misspelt type, field or value does not compile. */
export type AgreementCommandInput = z.input<typeof agreementCommandSchema>
export type CommandInputOf<T extends CommandType> = Extract<AgreementCommandInput, { type: T }>
export type CommandType = AgreementCommand['type']
export type CommandOf<T extends CommandType> = Extract<AgreementCommand, { type: T }>
export type CooperationKind = z.infer<typeof cooperationKindSchema>
export type Partner = z.infer<typeof partnerSchema>
export type PlannedActionInput = z.infer<typeof plannedActionSchema>
export type Duration = z.infer<typeof durationSchema>
export type Signer = z.infer<typeof signerSchema>
export type Evidence = z.infer<typeof evidenceSchema>
export type PlanningDocument = z.infer<typeof planningDocumentSchema>

export const commandTypes = agreementCommandSchema.options.map((option) => option.shape.type.value) as readonly CommandType[]

/** How a refused command is named in a ValidationError, by decide and by the service alike. */
export const COMMAND = Object.freeze({ id: 'perintah', en: 'command' })

/**
 * The explicit door for untyped input (an HTTP body, a queue message): the
 * command, or a ValidationError (VALIDATION_FAILED) naming every field that is
 * wrong, unknown or missing. Typed callers pass commands to execute directly.
 */
export function parseAgreementCommand(input: unknown): AgreementCommand {
  return parseOrThrow(agreementCommandSchema, input, COMMAND)
}
