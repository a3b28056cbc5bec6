import { foreignCooperationKinds, nonCooperationKinds } from '../commands'
import type { CommandOf, Partner } from '../commands'
import type { DecideContext } from '../context'
import { PERMENDAGRI_22_2020, PP_28_2018, defineGuard } from '../guard'
import { jawaTengahRegions } from '../../reference/regions'
import type { Region } from '../../reference/regions'

type Identify = CommandOf<'IdentifyCooperation'>

const isForeign = (value: string) => (foreignCooperationKinds as readonly string[]).includes(value)
const foreignPartnerKinds = ['pemerintah-daerah-luar-negeri', 'lembaga-luar-negeri']

/** The region a code names in the directory the service was given (the bundled Jawa Tengah table by default). */
const regionOf = (ctx: DecideContext, code: string): Region | undefined => (ctx.regions ?? jawaTengahRegions).describe(code)

export const notCooperation = defineGuard({
  code: 'NOT_COOPERATION',
  when: ['IdentifyCooperation'],
  check: (_state, command) => !(nonCooperationKinds as readonly string[]).includes(command.kind) || { kind: command.kind },
  message: {
    id: 'Ini bukan kerja sama daerah: pekerjaan internal antar-perangkat daerah, pengadaan barang/jasa, dan swakelola punya prosedurnya sendiri',
    en: 'This is not regional cooperation: internal work between a region’s own agencies, procurement and swakelola follow their own procedures',
  },
  basis: { kind: 'practice', source: 'Kemendagri, pembinaan kerja sama daerah (pembedaan kerja sama dengan pengadaan dan swakelola)' },
})

export const foreignCooperation = defineGuard({
  code: 'FOREIGN_COOPERATION_OUT_OF_SCOPE',
  when: ['IdentifyCooperation'],
  check: (_state, command) => {
    const foreignPartners = command.partners.filter((partner) => foreignPartnerKinds.includes(partner.kind)).map((partner) => partner.partnerId)
    return (!isForeign(command.kind) && foreignPartners.length === 0) || { kind: command.kind, foreignPartners }
  },
  message: {
    id: 'Kerja sama dengan pemerintah daerah atau lembaga luar negeri (KSDPL/KSDLL) mengikuti Permendagri 25/2020 dan belum didukung',
    en: 'Cooperation with a foreign regional government or institution (KSDPL/KSDLL) follows Permendagri 25/2020 and is not supported yet',
  },
  basis: { kind: 'reg', source: 'Permendagri 25/2020 tentang Tata Cara Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri dan dengan Lembaga di Luar Negeri' },
})

export const unknownRegion = defineGuard({
  code: 'UNKNOWN_REGION',
  when: ['IdentifyCooperation'],
  check: (_state, command, ctx) => {
    const invalid = [
      ...(regionOf(ctx, command.initiatingRegion) === undefined ? [command.initiatingRegion] : []),
      ...command.partners.filter((partner) => partner.kind === 'daerah' && (partner.regionCode === undefined || regionOf(ctx, partner.regionCode) === undefined)).map((partner) => partner.regionCode ?? `(${partner.partnerId})`),
    ]
    // The UI can say which list the code was checked against (bundled table or national dataset).
    return invalid.length === 0 || { invalid, regionDirectory: (ctx.regions ?? jawaTengahRegions).source }
  },
  message: {
    id: 'Kode wilayah tidak dikenal: gunakan kode Kemendagri NN (provinsi) atau NN.NN (kabupaten/kota); mitra daerah wajib menyebut kode wilayahnya',
    en: 'Unknown region code: use the Kemendagri code NN (province) or NN.NN (kabupaten/kota); a daerah partner must give its region code',
  },
  basis: { kind: 'reg', source: 'Permendagri 72/2019 tentang Kode dan Data Wilayah Administrasi Pemerintahan' },
})

/**
 * Jakarta's kota and kabupaten (31.01, 31.71–31.75) are administrative
 * areas of the province, not daerah otonom: no kepala daerah of their own, no
 * DPRD, so none of them can be a party to kerja sama daerah. The province
 * (31) acts for them.
 */
const isJakartaAdministrativeArea = (code: string | undefined): boolean => code !== undefined && /^31\.\d{2}$/.test(code)

export const administrativeAreaNotAParty = defineGuard({
  code: 'ADMINISTRATIVE_AREA_NOT_A_PARTY',
  when: ['IdentifyCooperation'],
  check: (_state, command) => {
    const regionCodes = [command.initiatingRegion, ...command.partners.filter((partner) => partner.kind === 'daerah').map((partner) => partner.regionCode)]
    const administrative = regionCodes.filter(isJakartaAdministrativeArea)
    return administrative.length === 0 || { administrative, province: '31' }
  },
  message: {
    id: 'Kota administrasi dan kabupaten administrasi di Jakarta bukan daerah otonom sehingga tidak dapat menjadi pihak kerja sama daerah; kerja sama dilakukan oleh Pemerintah Provinsi (kode 31)',
    en: 'The administrative cities and regency of Jakarta are not autonomous regions and cannot be parties to regional cooperation; the provincial government (code 31) enters into it for them',
  },
  basis: { kind: 'reg', source: 'UU 29/2007 tentang Pemerintahan Provinsi DKI Jakarta (kota/kabupaten administrasi); UU 2/2024 tentang Provinsi Daerah Khusus Jakarta' },
})

const expectedPartnerKind: Record<string, Partner['kind']> = {
  'KSDD-wajib': 'daerah',
  'KSDD-sukarela': 'daerah',
  KSDPK: 'pihak-ketiga',
  Sinergi: 'kementerian-lembaga',
}

export const partnerKindMismatch = defineGuard({
  code: 'PARTNER_KIND_MISMATCH',
  when: ['IdentifyCooperation'],
  check: (_state, command) => {
    const expected = expectedPartnerKind[command.kind]
    if (expected === undefined) return true
    const mismatched = command.partners.filter((partner) => partner.kind !== expected && !foreignPartnerKinds.includes(partner.kind)).map((partner) => partner.partnerId)
    return mismatched.length === 0 || { expected, mismatched }
  },
  message: {
    id: 'Jenis mitra tidak sesuai jenis kerja sama: KSDD dengan daerah, KSDPK dengan pihak ketiga, Sinergi dengan kementerian/lembaga',
    en: 'Partner kind does not fit the cooperation kind: KSDD with a daerah, KSDPK with a third party, Sinergi with a ministry or agency',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, jenis kerja sama (KSDD, KSDPK)` },
})

export const duplicateParty = defineGuard({
  code: 'DUPLICATE_PARTY',
  when: ['IdentifyCooperation'],
  check: (_state, command) => {
    const ids = [command.initiatingRegion, ...command.partners.map((partner) => partner.partnerId)]
    const duplicates = ids.filter((value, index) => ids.indexOf(value) !== index)
    const selfPartner = command.partners.filter((partner) => partner.regionCode === command.initiatingRegion).map((partner) => partner.partnerId)
    return (duplicates.length === 0 && selfPartner.length === 0) || { duplicates: [...new Set([...duplicates, ...selfPartner])] }
  },
  message: {
    id: 'Setiap pihak hanya boleh disebut sekali, dan daerah tidak dapat bekerja sama dengan dirinya sendiri',
    en: 'Each party may appear only once, and a region cannot cooperate with itself',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, kerja sama antara para pihak` },
})

function wajibPartnerRegions(command: Identify, ctx: DecideContext): Region[] {
  if (command.kind !== 'KSDD-wajib') return []
  return command.partners.flatMap((partner) => {
    const region = partner.kind === 'daerah' && partner.regionCode !== undefined ? regionOf(ctx, partner.regionCode) : undefined
    return region === undefined ? [] : [region]
  })
}

export const borderingPredicateMissing = defineGuard({
  code: 'KSDD_WAJIB_NO_BORDERING_PREDICATE',
  when: ['IdentifyCooperation'],
  check: (_state, command, ctx) => command.kind !== 'KSDD-wajib' || ctx.policy.isBordering !== undefined,
  message: {
    id: 'Kerja sama wajib memerlukan data daerah berbatasan, tetapi policy.isBordering tidak diberikan',
    en: 'Mandatory cooperation needs to know which regions border each other, but no policy.isBordering predicate was supplied',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, kerja sama wajib antardaerah yang berbatasan` },
  configurableBy: 'policy.isBordering',
})

function bordering(ctx: DecideContext, a: string, b: string): boolean {
  const predicate = ctx.policy.isBordering
  // Caller code: a predicate that throws is treated as "not known to border".
  try {
    return predicate !== undefined && predicate(a, b) === true
  } catch {
    return false
  }
}

export const ksddWajibNotBordering = defineGuard({
  code: 'KSDD_WAJIB_NOT_BORDERING',
  when: ['IdentifyCooperation'],
  check: (_state, command, ctx) => {
    if (ctx.policy.isBordering === undefined) return true
    const notBordering = wajibPartnerRegions(command, ctx).filter((region) => !bordering(ctx, command.initiatingRegion, region.code)).map((region) => region.code)
    return notBordering.length === 0 || { notBordering }
  },
  message: {
    id: 'Kerja sama wajib hanya dengan daerah yang berbatasan',
    en: 'Mandatory cooperation is only with bordering regions',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, kerja sama wajib: daerah yang berbatasan` },
})

/** The four pairings PP 28/2018 allows for kerja sama wajib. */
export function allowedWajibPairing(a: Region, b: Region): boolean {
  const aLocal = a.level !== 'provinsi'
  const bLocal = b.level !== 'provinsi'
  if (aLocal && bLocal) return true
  if (!aLocal && !bLocal) return true
  const [local, province] = aLocal ? [a, b] : [b, a]
  return local.provinceCode === province.code
}

export const ksddWajibPairing = defineGuard({
  code: 'KSDD_WAJIB_PAIRING_NOT_ALLOWED',
  when: ['IdentifyCooperation'],
  check: (_state, command, ctx) => {
    const initiator = regionOf(ctx, command.initiatingRegion)
    if (initiator === undefined) return true
    const notAllowed = wajibPartnerRegions(command, ctx).filter((region) => !allowedWajibPairing(initiator, region)).map((region) => region.code)
    return notAllowed.length === 0 || { notAllowed }
  },
  message: {
    id: 'Pasangan daerah tidak diizinkan untuk kerja sama wajib (hanya kab/kota–kab/kota, provinsi–provinsi, atau kab/kota–provinsinya sendiri)',
    en: 'This pairing is not allowed for mandatory cooperation (only kab/kota–kab/kota, province–province, or kab/kota–its own province)',
  },
  basis: { kind: 'reg', source: `${PP_28_2018}, kerja sama wajib: pasangan daerah yang diizinkan` },
})
