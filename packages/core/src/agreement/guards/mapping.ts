import { PERMENDAGRI_22_2020, defineGuard } from '../guard'
import { findAbsoluteAffair, isAbsoluteAffair, isMappableAffair } from '../../reference/urusan'

export const absoluteAffair = defineGuard({
  code: 'ABSOLUTE_AFFAIR',
  when: ['MapAffairs'],
  check: (_state, command) => {
    const absolute = command.affairs.filter(isAbsoluteAffair).map((affair) => findAbsoluteAffair(affair)?.key ?? affair)
    return absolute.length === 0 || { absolute }
  },
  message: {
    id: 'Urusan absolut (politik luar negeri, pertahanan, keamanan, yustisi, moneter dan fiskal nasional, agama) adalah kewenangan Pemerintah Pusat dan tidak dapat dikerjasamakan daerah',
    en: 'Absolute affairs (foreign policy, defence, security, justice, national monetary and fiscal policy, religion) belong to the central government; a region cannot cooperate on them',
  },
  basis: { kind: 'reg', source: 'UU 23/2014 tentang Pemerintahan Daerah, Pasal 10' },
})

export const unknownUrusan = defineGuard({
  code: 'UNKNOWN_URUSAN',
  when: ['MapAffairs'],
  check: (_state, command) => {
    const unknown = command.affairs.filter((affair) => !isAbsoluteAffair(affair) && !isMappableAffair(affair))
    return unknown.length === 0 || { unknown }
  },
  message: {
    id: 'Kode urusan tidak dikenal: gunakan kode urusan (1.01–3.32) atau unit penunjang (4.01, 4.02, 5.01, …)',
    en: 'Unknown urusan code: use an urusan code (1.01–3.32) or a supporting unit (4.01, 4.02, 5.01, …)',
  },
  basis: { kind: 'reg', source: 'UU 23/2014, Pasal 11–12; Permendagri 90/2019 (kodefikasi urusan)' },
})

export const studiKelayakanRequired = defineGuard({
  code: 'STUDI_KELAYAKAN_REQUIRED',
  when: ['MapAffairs'],
  check: (state, command) => state.kind !== 'KSDPK' || command.feasibilityStudy !== undefined,
  message: {
    id: 'Kerja sama dengan pihak ketiga (KSDPK) memerlukan studi kelayakan di samping KAK; pihak ketiga boleh menyusunnya',
    en: 'Cooperation with a third party (KSDPK) needs a feasibility study as well as the KAK; the third party may write it',
  },
  basis: { kind: 'practice', source: `${PERMENDAGRI_22_2020}, persiapan KSDPK (studi kelayakan)` },
})

export const planningDocumentRequired = defineGuard({
  code: 'PLANNING_DOCUMENT_REQUIRED',
  when: ['MapAffairs'],
  check: (_state, command) => command.planningDocuments.some((document) => document.kind === 'RPJMD' || document.kind === 'RKPD'),
  message: {
    id: 'Kerja sama harus dikaitkan dengan dokumen perencanaan daerah (RPJMD atau RKPD)',
    en: 'The cooperation must be linked to a regional planning document (RPJMD or RKPD)',
  },
  basis: { kind: 'reg', source: `${PERMENDAGRI_22_2020}, persiapan (kesesuaian dengan RPJMD/RKPD)` },
})
