import { z } from 'zod'

/**
 * Every command an agreement accepts, as zod schemas. The schemas check shape
 * only; what the law and the anti-ceremonial policy say lives in guards.ts,
 * so a refused step gets a coded reason rather than a schema error. That is
 * why `kind` accepts foreign cooperation and non-cooperation: the guard
 * refuses them with FOREIGN_COOPERATION_OUT_OF_SCOPE / NOT_COOPERATION.
 */
const text = z.string().trim().min(1).max(2000)
const shortText = z.string().trim().min(1).max(300)
const id = z.string().trim().min(1).max(100)
/** A calendar date (2022-05-21) or an instant with offset (2022-05-21T02:00:00Z). */
export const dateLike = z.union([z.iso.date(), z.iso.datetime({ offset: true })])
const reference = z.object({ reference: shortText, url: z.url().max(2000).optional() })

export const cooperationKinds = ['KSDD-wajib', 'KSDD-sukarela', 'KSDPK', 'Sinergi'] as const
export const foreignCooperationKinds = ['KSDPL', 'KSDLL'] as const
export const nonCooperationKinds = ['internal', 'procurement', 'swakelola'] as const
export const cooperationKindSchema = z.enum([...cooperationKinds, ...foreignCooperationKinds, ...nonCooperationKinds])

export const partnerKinds = ['daerah', 'pihak-ketiga', 'kementerian-lembaga', 'pemerintah-daerah-luar-negeri', 'lembaga-luar-negeri'] as const
export const partnerSchema = z.object({
  partnerId: id,
  name: shortText,
  kind: z.enum(partnerKinds),
  /** Required for kind 'daerah' (checked by a guard): the partner region's code, NN or NN.NN. */
  regionCode: z.string().max(10).optional(),
})

const identifyCooperation = z.object({
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

export const planningDocumentSchema = z.object({ kind: z.enum(['RPJMD', 'RKPD', 'Renstra', 'Renja']), reference: shortText })

const mapAffairs = z.object({
  type: z.literal('MapAffairs'),
  agreementId: id,
  /** Urusan or supporting-unit codes ("2.17", "4.02"); absolute affairs and unknown codes are refused by guards. */
  affairs: z.array(z.string().trim().min(1).max(60)).min(1).max(40),
  authorityStatement: text,
  planningDocuments: z.array(planningDocumentSchema).min(1).max(20),
  kak: reference,
  feasibilityStudy: reference.extend({ preparedBy: z.enum(['region', 'partner']) }).optional(),
})

const assessFeasibility = z.object({
  type: z.literal('AssessFeasibility'),
  agreementId: id,
  verdict: z.enum(['layak', 'tidak-layak']),
  notes: text,
})

const sendOffer = z.object({ type: z.literal('SendOffer'), agreementId: id, letterReference: shortText.optional() })

const recordOfferResponse = z.object({
  type: z.literal('RecordOfferResponse'),
  agreementId: id,
  partnerId: id,
  accepted: z.boolean(),
  notes: text.optional(),
})

export const plannedActionSchema = z.object({
  /** Optional: decide names the action when the caller does not. */
  actionId: id.optional(),
  description: text,
  owner: shortText,
  dueDate: dateLike,
  /** Measurable output, e.g. "40 perajin terlatih". */
  output: shortText,
})

export const durationSchema = z.union([
  z.object({ years: z.number().positive().max(100) }),
  z.object({ start: dateLike, end: dateLike }),
])

const agreeWorkPlan = z.object({
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
const reviewDraft = z.object({
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
const requestDprdApproval = z.object({
  type: z.literal('RequestDprdApproval'),
  agreementId: id,
  letterReference: shortText,
  purpose: text,
  rightsAndObligations: text,
  apbdContribution: text,
  benefit: text,
  publicBurden: text,
})

const recordDprdApproval = z.object({
  type: z.literal('RecordDprdApproval'),
  agreementId: id,
  approved: z.boolean(),
  decisionReference: shortText,
  decidedOn: dateLike,
})

export const signerSchema = z.object({
  name: shortText,
  office: shortText,
  capacity: z.enum(['kepala-daerah', 'pemegang-kuasa', 'pimpinan-mitra']),
  inPerson: z.boolean(),
  suratKuasaRef: shortText.optional(),
})

const signature = {
  agreementId: id,
  /** The signing party: the initiating region's code or a partner's id. Each party signs separately. */
  partyId: id,
  signer: signerSchema,
  documentReference: shortText.optional(),
}

const signKesepakatanBersama = z.object({ type: z.literal('SignKesepakatanBersama'), ...signature })
const signPerjanjianKerjaSama = z.object({ type: z.literal('SignPerjanjianKerjaSama'), ...signature })
const signNotaKesepakatan = z.object({ type: z.literal('SignNotaKesepakatan'), ...signature })

const startAction = z.object({ type: z.literal('StartAction'), agreementId: id, actionId: id })

export const evidenceSchema = z.union([
  z.object({ kind: z.literal('document'), reference: shortText }),
  z.object({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
  z.object({ kind: z.literal('file'), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: shortText.optional() }),
])

const completeAction = z.object({
  type: z.literal('CompleteAction'),
  agreementId: id,
  actionId: id,
  /** Optional in shape; IMPLEMENTED_WITHOUT_EVIDENCE refuses its absence with a reason. */
  evidence: evidenceSchema.optional(),
  outputAchieved: shortText.optional(),
})

const recordMonev = z.object({
  type: z.literal('RecordMonev'),
  agreementId: id,
  /** The public rubric: 100 fully carried out, 75 partly, 50 no work plan followed, 0 nothing happened. */
  score: z.number().int().min(0).max(100),
  findings: text,
  recommendation: z.enum(['continue', 'amend', 'extend', 'terminate']),
})

const amend = z.object({
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

const extend = z.object({ type: z.literal('Extend'), agreementId: id, reason: text })

const terminate = z.object({
  type: z.literal('Terminate'),
  agreementId: id,
  reason: text,
  /** When a new agreement replaces this one, it ends as 'superseded'. */
  supersededBy: id.optional(),
})

const expire = z.object({ type: z.literal('Expire'), agreementId: id })

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
