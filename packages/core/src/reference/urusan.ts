/**
 * The catalogue of urusan pemerintahan (UU 23/2014) with the codes planning
 * data uses (Permendagri 90/2019 numbering), the supporting units that share
 * the code space, and the absolute affairs a region may never cooperate on.
 */
export type UrusanClass = 'wajib-pelayanan-dasar' | 'wajib-non-pelayanan-dasar' | 'pilihan'

export type Urusan = { code: string; name: string; kind: 'urusan'; class: UrusanClass }

/**
 * Not an urusan but a unit of the regional government. Cooperation may be
 * mapped to it (the DPRD secretariat working with universities maps to 4.02).
 */
export type SupportingUnit = { code: string; name: string; kind: 'supporting-unit' }

export type AffairEntry = Urusan | SupportingUnit

/** Affairs of the central government only (UU 23/2014 Pasal 10). */
export type AbsoluteAffair = { code: string; key: string; name: string }

const urusan = (code: string, name: string, cls: UrusanClass): Urusan => ({ code, name, kind: 'urusan', class: cls })
const unit = (code: string, name: string): SupportingUnit => ({ code, name, kind: 'supporting-unit' })

export const urusanCatalogue: readonly Urusan[] = Object.freeze([
  urusan('1.01', 'pendidikan', 'wajib-pelayanan-dasar'),
  urusan('1.02', 'kesehatan', 'wajib-pelayanan-dasar'),
  urusan('1.03', 'pekerjaan umum dan penataan ruang', 'wajib-pelayanan-dasar'),
  urusan('1.04', 'perumahan rakyat dan kawasan permukiman', 'wajib-pelayanan-dasar'),
  urusan('1.05', 'ketenteraman, ketertiban umum, dan pelindungan masyarakat', 'wajib-pelayanan-dasar'),
  urusan('1.06', 'sosial', 'wajib-pelayanan-dasar'),
  urusan('2.07', 'tenaga kerja', 'wajib-non-pelayanan-dasar'),
  urusan('2.08', 'pemberdayaan perempuan dan pelindungan anak', 'wajib-non-pelayanan-dasar'),
  urusan('2.09', 'pangan', 'wajib-non-pelayanan-dasar'),
  urusan('2.10', 'pertanahan', 'wajib-non-pelayanan-dasar'),
  urusan('2.11', 'lingkungan hidup', 'wajib-non-pelayanan-dasar'),
  urusan('2.12', 'administrasi kependudukan dan pencatatan sipil', 'wajib-non-pelayanan-dasar'),
  urusan('2.13', 'pemberdayaan masyarakat dan desa', 'wajib-non-pelayanan-dasar'),
  urusan('2.14', 'pengendalian penduduk dan keluarga berencana', 'wajib-non-pelayanan-dasar'),
  urusan('2.15', 'perhubungan', 'wajib-non-pelayanan-dasar'),
  urusan('2.16', 'komunikasi dan informatika', 'wajib-non-pelayanan-dasar'),
  urusan('2.17', 'koperasi, usaha kecil, dan menengah', 'wajib-non-pelayanan-dasar'),
  urusan('2.18', 'penanaman modal', 'wajib-non-pelayanan-dasar'),
  urusan('2.19', 'kepemudaan dan olahraga', 'wajib-non-pelayanan-dasar'),
  urusan('2.20', 'statistik', 'wajib-non-pelayanan-dasar'),
  urusan('2.21', 'persandian', 'wajib-non-pelayanan-dasar'),
  urusan('2.22', 'kebudayaan', 'wajib-non-pelayanan-dasar'),
  urusan('2.23', 'perpustakaan', 'wajib-non-pelayanan-dasar'),
  urusan('2.24', 'kearsipan', 'wajib-non-pelayanan-dasar'),
  urusan('3.25', 'kelautan dan perikanan', 'pilihan'),
  urusan('3.26', 'pariwisata', 'pilihan'),
  urusan('3.27', 'pertanian', 'pilihan'),
  urusan('3.28', 'kehutanan', 'pilihan'),
  urusan('3.29', 'energi dan sumber daya mineral', 'pilihan'),
  urusan('3.30', 'perdagangan', 'pilihan'),
  urusan('3.31', 'perindustrian', 'pilihan'),
  urusan('3.32', 'transmigrasi', 'pilihan'),
])

export const supportingUnits: readonly SupportingUnit[] = Object.freeze([
  unit('4.01', 'Sekretariat Daerah'),
  unit('4.02', 'Sekretariat DPRD'),
  unit('5.01', 'perencanaan'),
  unit('5.02', 'keuangan'),
  unit('5.03', 'kepegawaian'),
  unit('5.04', 'pendidikan dan pelatihan'),
  unit('5.05', 'penelitian dan pengembangan'),
  unit('6.01', 'inspektorat'),
])

// Absolute affairs have no planning code; the pseudo-codes 0.0x only let a
// caller name them compactly. Keys and names are accepted as well.
export const absoluteAffairs: readonly AbsoluteAffair[] = Object.freeze([
  { code: '0.01', key: 'politik-luar-negeri', name: 'politik luar negeri' },
  { code: '0.02', key: 'pertahanan', name: 'pertahanan' },
  { code: '0.03', key: 'keamanan', name: 'keamanan' },
  { code: '0.04', key: 'yustisi', name: 'yustisi' },
  { code: '0.05', key: 'moneter-dan-fiskal-nasional', name: 'moneter dan fiskal nasional' },
  { code: '0.06', key: 'agama', name: 'agama' },
])

const byCode = new Map<string, AffairEntry>([...urusanCatalogue, ...supportingUnits].map((entry) => [entry.code, entry]))

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-')
}

const absoluteByAnyName = new Map<string, AbsoluteAffair>()
for (const affair of absoluteAffairs) {
  for (const name of [affair.code, affair.key, affair.name]) absoluteByAnyName.set(normalise(name), affair)
}

/** An urusan or supporting unit by its code ("2.17", "4.02"); undefined for anything else. */
export function findUrusan(code: string): AffairEntry | undefined {
  return byCode.get(code.trim())
}

/** True for the six absolute affairs, by pseudo-code, key or name ("pertahanan", "0.02", "politik luar negeri"). */
export function isAbsoluteAffair(codeOrName: string): boolean {
  return absoluteByAnyName.has(normalise(codeOrName))
}

export function findAbsoluteAffair(codeOrName: string): AbsoluteAffair | undefined {
  return absoluteByAnyName.get(normalise(codeOrName))
}

/** True when cooperation may be mapped to this code: an urusan or a supporting unit. */
export function isMappableAffair(code: string): boolean {
  return byCode.has(code.trim())
}

export function urusanOfClass(cls: UrusanClass): readonly Urusan[] {
  return urusanCatalogue.filter((entry) => entry.class === cls)
}
