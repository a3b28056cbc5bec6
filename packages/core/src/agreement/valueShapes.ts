import { z } from 'zod'

/**
 * The fields of the values that commands and events both carry: a partner, a
 * planning document, a duration, a signer, a piece of evidence. Commands wrap
 * them in strict objects, so a misspelt field is refused rather than lost;
 * events read back from storage wrap them in tolerant ones (see events.ts).
 */
export const text = z.string().trim().min(1).max(2000)
export const shortText = z.string().trim().min(1).max(300)
export const id = z.string().trim().min(1).max(100)
/** A calendar date (2022-05-21) or an instant with offset (2022-05-21T02:00:00Z). */
export const dateLike = z.union([z.iso.date(), z.iso.datetime({ offset: true })])
/** A calendar date only (2022-06-30): the day a step happened, which has no hour. */
export const calendarDate = z.iso.date()

export const cooperationKinds = ['KSDD-wajib', 'KSDD-sukarela', 'KSDPK', 'Sinergi'] as const
export const foreignCooperationKinds = ['KSDPL', 'KSDLL'] as const
export const nonCooperationKinds = ['internal', 'procurement', 'swakelola'] as const
export const cooperationKindSchema = z.enum([...cooperationKinds, ...foreignCooperationKinds, ...nonCooperationKinds])

export const partnerKinds = ['daerah', 'pihak-ketiga', 'kementerian-lembaga', 'pemerintah-daerah-luar-negeri', 'lembaga-luar-negeri'] as const
export const partnerShape = {
  partnerId: id,
  name: shortText,
  kind: z.enum(partnerKinds),
  /** Required for kind 'daerah' (checked by a guard): the partner region's code, NN or NN.NN. */
  regionCode: z.string().max(10).optional(),
}

export const planningDocumentShape = { kind: z.enum(['RPJMD', 'RKPD', 'Renstra', 'Renja']), reference: shortText }

export const durationShapes = {
  years: { years: z.number().positive().max(100) },
  period: { start: dateLike, end: dateLike },
}

export const signerCapacities = ['kepala-daerah', 'pemegang-kuasa', 'pimpinan-mitra'] as const
export const signerShape = {
  name: shortText,
  office: shortText,
  /** Spelt like the roles ('kepala-daerah'). */
  capacity: z.enum(signerCapacities),
  inPerson: z.boolean(),
  suratKuasaRef: shortText.optional(),
}

export const evidenceShapes = {
  document: { kind: z.literal('document'), reference: shortText },
  url: { kind: z.literal('url'), url: z.url({ protocol: /^https?$/ }).max(2000) },
  file: { kind: z.literal('file'), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: shortText.optional() },
}
