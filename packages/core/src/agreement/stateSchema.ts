import { z } from 'zod'
import { cooperationKindSchema, partnerKinds, signerCapacities } from './valueShapes'
import { agreementStatuses } from './state'
import type { AgreementState } from './state'

/**
 * The shape of an AgreementState, for what comes back from a snapshot store:
 * storage is a boundary, and a snapshot that is not exactly a state evolve
 * could have produced (a missing term, a field of another library version,
 * a misspelt key) is ignored rather than folded on. Strict throughout, since
 * fold never produces a key this does not name. Structural only: the values
 * were checked by the event schemas when they were folded.
 */
const text = z.string()
const instant = z.string()
const reference = z.strictObject({ reference: text, url: text.optional() })

const partner = z.strictObject({ partnerId: text, name: text, kind: z.enum(partnerKinds), regionCode: text.optional() })
const duration = z.union([z.strictObject({ years: z.number() }), z.strictObject({ start: text, end: text })])
const signer = z.strictObject({ name: text, office: text, capacity: z.enum(signerCapacities), inPerson: z.boolean(), suratKuasaRef: text.optional() })
const evidence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('document'), reference: text }),
  z.strictObject({ kind: z.literal('url'), url: text }),
  z.strictObject({ kind: z.literal('file'), sha256: text, name: text.optional() }),
])

const actionProgress = z.strictObject({
  actionId: text,
  description: text,
  owner: text,
  dueDate: text,
  output: text,
  status: z.enum(['planned', 'started', 'completed']),
  startedAt: instant.optional(),
  startedOn: text.optional(),
  completedAt: instant.optional(),
  completedOn: text.optional(),
  evidence: evidence.optional(),
  outputAchieved: text.optional(),
})

const signature = z.strictObject({ partyId: text, signer, documentReference: text.optional(), at: instant, occurredOn: text })
const draftReview = z.strictObject({ draftReference: text, at: instant })

const term = z.strictObject({
  number: z.number().int().min(1),
  feasibility: z.strictObject({ verdict: z.enum(['layak', 'tidak-layak']), notes: text, at: instant }).optional(),
  offer: z.strictObject({ at: instant, letterReference: text.optional() }).optional(),
  responses: z.array(z.strictObject({ partnerId: text, accepted: z.boolean(), at: instant })),
  workPlan: z
    .strictObject({
      actions: z.array(actionProgress),
      duration,
      sector: z.enum(['public-service', 'infrastructure']),
      funding: text,
      burdensPublic: z.boolean(),
      inCurrentApbd: z.boolean(),
      agreedAt: instant,
    })
    .optional(),
  draftReviews: z.strictObject({ KB: draftReview.optional(), PKS: draftReview.optional(), NK: draftReview.optional() }),
  dprdRequest: z.strictObject({ letterReference: text, at: instant }).optional(),
  dprdApproval: z.strictObject({ approved: z.boolean(), decisionReference: text, decidedOn: text, at: instant }).optional(),
  signatures: z.strictObject({ KB: z.array(signature), PKS: z.array(signature), NK: z.array(signature) }),
  signedAt: instant.optional(),
  signedOn: text.optional(),
  monev: z.array(z.strictObject({ score: z.number(), findings: text, recommendation: z.enum(['continue', 'amend', 'extend', 'terminate']), at: instant, heldOn: text })),
  amendments: z.array(z.strictObject({ description: text, documentReference: text.optional(), at: instant })),
  supersededAt: instant.optional(),
})

export const agreementStateSchema = z.strictObject({
  status: z.enum(agreementStatuses),
  agreementId: text.optional(),
  kind: cooperationKindSchema.optional(),
  object: text.optional(),
  potential: text.optional(),
  initiatingUnit: text.optional(),
  initiatingRegion: text.optional(),
  partners: z.array(partner),
  identifiedAt: instant.optional(),
  mapping: z
    .strictObject({
      affairs: z.array(text),
      authorityStatement: text,
      planningDocuments: z.array(z.strictObject({ kind: z.enum(['RPJMD', 'RKPD', 'Renstra', 'Renja']), reference: text })),
      kak: reference,
      feasibilityStudy: z.strictObject({ reference: text, url: text.optional(), preparedBy: z.enum(['region', 'partner']) }).optional(),
    })
    .optional(),
  term,
  previousTerms: z.array(term),
  ended: z.strictObject({ reason: z.enum(['expired', 'terminated', 'superseded']), at: instant, note: text.optional(), supersededBy: text.optional() }).optional(),
})

// The schema and the type must describe the same thing: when AgreementState
// gains or loses a field, this stops compiling until the schema follows, so
// snapshots never silently stop being used (or start passing a wrong shape).
// (The identity comparison, not mutual assignability, so an optional field
// counts too; both sides are first spelt out as plain objects, since an
// intersection such as ActionProgress never compares identical to its sum.)
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T
type Same<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false
const schemaMatchesState: Same<z.infer<typeof agreementStateSchema>, AgreementState> = true
void schemaMatchesState

/** The state when `value` is exactly the shape of one, else undefined. */
export function parseAgreementState(value: unknown): AgreementState | undefined {
  const parsed = agreementStateSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}
