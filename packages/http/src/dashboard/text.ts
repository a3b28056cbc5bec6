import type { LocalizedMessage } from '@kerjasama/core'
import type { Severity, Stage } from '@kerjasama/projections'

/**
 * Every string the dashboard shows, in Bahasa Indonesia as a Bagian Kerja
 * Sama officer writes it and in English. Pages take their words from here
 * only, so the English page can never show an Indonesian label left behind
 * (test/dashboard/text.test.ts reads every page in both languages).
 */
type Text = LocalizedMessage

const say = (id: string, en: string): Text => ({ id, en })

export const stageOrder: readonly Stage[] = ['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated', 'ended']

export const stageNames: Record<Stage, Text> = {
  identified: say('Teridentifikasi', 'Identified'),
  mapped: say('Terpetakan', 'Mapped'),
  coordinated: say('Terkoordinasi', 'Coordinated'),
  signed: say('Ditandatangani', 'Signed'),
  implemented: say('Dilaksanakan', 'Implemented'),
  evaluated: say('Dievaluasi', 'Evaluated'),
  ended: say('Berakhir', 'Ended'),
}

export const severityNames: Record<Severity, Text> = {
  high: say('Tinggi', 'High'),
  medium: say('Sedang', 'Medium'),
  low: say('Rendah', 'Low'),
}

export const actionStatusNames: Record<'planned' | 'started' | 'completed', Text> = {
  planned: say('Direncanakan', 'Planned'),
  started: say('Sedang berjalan', 'Under way'),
  completed: say('Selesai', 'Completed'),
}

export const kindNames: Record<string, Text> = {
  'KSDD-wajib': say('Kerja sama daerah dengan daerah lain (wajib)', 'Cooperation with another region (mandatory)'),
  'KSDD-sukarela': say('Kerja sama daerah dengan daerah lain (sukarela)', 'Cooperation with another region (voluntary)'),
  KSDPK: say('Kerja sama daerah dengan pihak ketiga', 'Cooperation with a third party'),
  Sinergi: say('Sinergi dengan kementerian/lembaga', 'Synergy with a ministry or agency'),
}

export const partnerKindNames: Record<string, Text> = {
  daerah: say('Daerah', 'Region'),
  'pihak-ketiga': say('Pihak ketiga', 'Third party'),
  'kementerian-lembaga': say('Kementerian/lembaga', 'Ministry or agency'),
  'pemerintah-daerah-luar-negeri': say('Pemerintah daerah di luar negeri', 'Foreign regional government'),
  'lembaga-luar-negeri': say('Lembaga di luar negeri', 'Foreign institution'),
}

export const roleNames: Record<string, Text> = {
  opd: say('Perangkat daerah', 'Regional agency (OPD)'),
  tkksd: say('TKKSD', 'TKKSD (cooperation team)'),
  'kepala-daerah': say('Kepala daerah', 'Kepala daerah (regional head)'),
  kuasa: say('Pemegang kuasa', 'Holder of a power of attorney'),
  dprd: say('DPRD', 'DPRD (regional parliament)'),
  partner: say('Mitra', 'Partner'),
  monev: say('Tim monev', 'Monev team'),
}

export const recommendationNames: Record<string, Text> = {
  continue: say('Dilanjutkan', 'Continue'),
  amend: say('Diubah', 'Amend'),
  extend: say('Diperpanjang', 'Extend'),
  terminate: say('Diakhiri', 'Terminate'),
}

export const endReasonNames: Record<string, Text> = {
  expired: say('Masa berlaku habis', 'Term expired'),
  terminated: say('Diakhiri', 'Terminated'),
  superseded: say('Digantikan oleh perpanjangan', 'Superseded by an extension'),
}

export const deadlineKindNames: Record<'action' | 'term-end', Text> = {
  action: say('Kegiatan rencana kerja', 'Work-plan action'),
  'term-end': say('Berakhirnya masa berlaku', 'End of the term'),
}

export const sectorNames: Record<string, Text> = {
  'public-service': say('Pelayanan publik', 'Public service'),
  infrastructure: say('Infrastruktur', 'Infrastructure'),
}

export const text = {
  siteName: say('Kerja Sama Daerah', 'Regional Cooperation'),
  siteTagline: say('Register dan pemantauan kerja sama daerah', 'Register and monitoring of regional cooperation'),
  skipToContent: say('Langsung ke isi utama', 'Skip to main content'),
  mainMenu: say('Menu utama', 'Main menu'),
  otherLanguage: say('English', 'Bahasa Indonesia'),
  readOnlyNote: say('Tampilan ini hanya untuk dibaca; perubahan dicatat melalui aplikasi kerja sama.', 'This view is read-only; changes are recorded through the cooperation application.'),
  asOf: say('Keadaan per', 'As of'),
  none: say('—', '—'),
  yes: say('Ya', 'Yes'),
  no: say('Tidak', 'No'),

  navRegister: say('Register', 'Register'),
  navMatrix: say('Matriks urusan', 'Urusan matrix'),
  navWatchlist: say('Daftar pantauan', 'Watchlist'),
  navDeadlines: say('Tenggat', 'Deadlines'),
  navPotentials: say('Potensi daerah', 'Local potentials'),
  navReport: say('Laporan semester', 'Semester report'),

  filters: say('Saring', 'Filter'),
  applyFilters: say('Terapkan saringan', 'Apply filters'),
  clearFilters: say('Hapus saringan', 'Clear filters'),
  anyOption: say('Semua', 'All'),
  region: say('Wilayah', 'Region'),
  regionHint: say('Kode wilayah Kemendagri, misalnya 33.05', 'Kemendagri region code, e.g. 33.05'),
  province: say('Provinsi', 'Province'),
  provinceHint: say('Kode provinsi dua angka, misalnya 33', 'Two-digit province code, e.g. 33'),
  party: say('Pihak', 'Party'),
  partyHint: say('Kode wilayah atau kode mitra yang ikut menandatangani', 'Region code or partner id of a signing party'),
  urusan: say('Urusan', 'Urusan'),
  urusanHint: say('Kode urusan, misalnya 2.17', 'Urusan code, e.g. 2.17'),
  stage: say('Tahap', 'Stage'),
  kind: say('Jenis kerja sama', 'Kind of cooperation'),
  planningDocument: say('Dokumen perencanaan', 'Planning document'),
  planningDocumentHint: say('Jenis (RPJMD) atau jenis:nomor (RPJMD:Perda RPJMD 2021-2026)', 'Kind (RPJMD) or kind:reference (RPJMD:Perda RPJMD 2021-2026)'),
  potential: say('Potensi daerah', 'Local potential'),
  endingBefore: say('Berakhir sebelum', 'Ending before'),
  perPage: say('Jumlah per halaman', 'Per page'),

  pagination: say('Halaman', 'Pages'),
  nextPage: say('Halaman berikutnya', 'Next page'),
  firstPage: say('Kembali ke halaman pertama', 'Back to the first page'),

  registerTitle: say('Register kerja sama', 'Agreement register'),
  registerIntro: say(
    'Semua kerja sama yang tercatat, dengan tahap terakhir dan tenggat terdekat. Pilih nama kerja sama untuk melihat rinciannya.',
    'Every recorded agreement, with its latest stage and nearest due date. Choose an agreement to see its details.',
  ),
  registerCaption: say('Kerja sama yang tercatat', 'Recorded agreements'),
  registerEmpty: say('Tidak ada kerja sama yang sesuai dengan saringan.', 'No agreement matches the filters.'),
  objectColumn: say('Objek kerja sama', 'Object of the agreement'),
  initiatingRegion: say('Daerah pemrakarsa', 'Initiating region'),
  parties: say('Para pihak', 'Parties'),
  endDate: say('Berakhir', 'Ends'),
  nextDue: say('Tenggat terdekat', 'Next due'),

  matrixTitle: say('Matriks urusan × wilayah', 'Urusan × region matrix'),
  matrixIntro: say(
    'Pemetaan urusan: berapa kerja sama menyentuh setiap urusan di setiap wilayah. Warna sel makin gelap bila jumlahnya makin banyak; angkanya tertulis di sel.',
    'The urusan mapping: how many agreements touch each urusan in each region. The darker a cell, the more agreements; the number is written in it.',
  ),
  matrixCaption: say('Jumlah kerja sama per urusan dan wilayah', 'Agreements per urusan and region'),
  matrixEmpty: say('Belum ada kerja sama yang urusannya dipetakan.', 'No agreement has its urusan mapped yet.'),
  total: say('Jumlah', 'Total'),
  stagesChartTitle: say('Kerja sama per tahap di setiap wilayah', 'Agreements by stage in each region'),
  stagesTableCaption: say('Kerja sama per tahap di setiap wilayah (data diagram)', 'Agreements by stage in each region (chart data)'),
  matrixScopeHint: say('Isi wilayah atau provinsi, tidak keduanya.', 'Give a region or a province, not both.'),

  watchlistTitle: say('Daftar pantauan risiko seremonial', 'Ceremonial-risk watchlist'),
  watchlistIntro: say(
    'Kerja sama yang berisiko hanya menjadi seremoni: ditandatangani tanpa kegiatan, kegiatan terlambat, atau tanpa monitoring dan evaluasi. Yang paling berat di atas.',
    'Agreements at risk of being only a ceremony: signed without action, actions overdue, or without monitoring and evaluation. The gravest come first.',
  ),
  watchlistCaption: say('Risiko seremonial, yang paling berat lebih dahulu', 'Ceremonial risks, gravest first'),
  watchlistEmpty: say('Tidak ada kerja sama dalam daftar pantauan.', 'No agreement is on the watchlist.'),
  severity: say('Tingkat risiko', 'Severity'),
  reason: say('Alasan', 'Reason'),
  since: say('Sejak', 'Since'),
  agreement: say('Kerja sama', 'Agreement'),

  deadlinesTitle: say('Tenggat', 'Deadlines'),
  deadlinesIntro: say(
    'Kegiatan rencana kerja yang jatuh tempo dan masa berlaku yang berakhir, mulai hari ini, yang terdekat lebih dahulu.',
    'Work-plan actions falling due and terms ending, from today, soonest first.',
  ),
  deadlinesCaption: say('Tenggat dalam jangka waktu terpilih', 'Deadlines in the chosen period'),
  deadlinesEmpty: say('Tidak ada tenggat dalam jangka waktu ini.', 'Nothing falls due in this period.'),
  period: say('Jangka waktu', 'Period'),
  dueDate: say('Tanggal', 'Date'),
  what: say('Apa', 'What'),
  description: say('Uraian', 'Description'),
  owner: say('Penanggung jawab', 'Owner'),
  output: say('Keluaran', 'Output'),

  potentialsTitle: say('Potensi daerah', 'Local potentials'),
  potentialsIntro: say(
    'Potensi daerah yang dikerjasamakan, dengan wilayah dan kerja sama yang mengupayakannya serta tahap terjauh yang dicapai.',
    'The local potentials cooperated on, with the regions and agreements pursuing each and the furthest stage reached.',
  ),
  potentialsCaption: say('Potensi daerah dan kerja sama yang mengupayakannya', 'Local potentials and the agreements pursuing them'),
  potentialsEmpty: say('Belum ada potensi daerah yang tercatat.', 'No local potential is recorded yet.'),
  regions: say('Wilayah', 'Regions'),
  furthestStage: say('Tahap terjauh', 'Furthest stage'),
  agreements: say('Kerja sama', 'Agreements'),

  reportTitle: say('Laporan semester', 'Semester report'),
  reportIntro: say(
    'Keadaan kerja sama per wilayah pada akhir semester, dan yang terjadi selama enam bulan itu. Setiap fakta dihitung menurut tanggal kejadiannya.',
    'Each region’s agreements as they stood at the end of the semester, and what happened in those six months. Each fact counts on the day it happened.',
  ),
  semester: say('Semester', 'Semester'),
  semesterHint: say('TTTT-1 (Januari–Juni) atau TTTT-2 (Juli–Desember)', 'YYYY-1 (January–June) or YYYY-2 (July–December)'),
  downloadCsv: say('Unduh laporan (CSV)', 'Download the report (CSV)'),
  reportStagesCaption: say('Kerja sama per tahap pada akhir semester', 'Agreements by stage at the end of the semester'),
  reportActivityCaption: say('Kegiatan selama semester', 'Activity during the semester'),
  reportEmpty: say('Tidak ada kerja sama yang tercatat sampai akhir semester ini.', 'No agreement was recorded by the end of this semester.'),
  newSignings: say('Penandatanganan baru', 'New signings'),
  actionsWithEvidence: say('Kegiatan selesai dengan bukti', 'Actions completed with evidence'),
  monevHeld: say('Monev dilaksanakan', 'Monev held'),
  monevMean: say('Rerata nilai monev', 'Mean monev score'),
  endedInSemester: say('Berakhir', 'Ended'),
  endingsCaption: say('Kerja sama yang berakhir selama semester', 'Agreements that ended during the semester'),
  monevChartTitle: say('Nilai monev dari waktu ke waktu', 'Monev scores over time'),
  monevTableCaption: say('Nilai monev dari waktu ke waktu (data diagram)', 'Monev scores over time (chart data)'),
  monevEmpty: say('Belum ada monitoring dan evaluasi yang tercatat.', 'No monitoring and evaluation is recorded yet.'),
  score: say('Nilai', 'Score'),
  heldOn: say('Tanggal monev', 'Held on'),

  agreementKind: say('Jenis', 'Kind'),
  agreementSummary: say('Ringkasan', 'Summary'),
  partiesAndAffairs: say('Para pihak, urusan, dan dokumen perencanaan', 'Parties, urusan and planning documents'),
  implementation: say('Pelaksanaan dan monitoring', 'Implementation and monitoring'),
  initiatingUnit: say('Perangkat daerah pemrakarsa', 'Initiating agency'),
  term: say('Masa berlaku', 'Term'),
  termNumber: say('Periode ke', 'Term number'),
  termYears: say('tahun', 'years'),
  sector: say('Bidang', 'Sector'),
  funding: say('Pendanaan', 'Funding'),
  signedOn: say('Ditandatangani', 'Signed on'),
  endedHow: say('Berakhir karena', 'Ended because'),
  partyName: say('Nama', 'Name'),
  partyKind: say('Jenis pihak', 'Kind of party'),
  partyCode: say('Kode', 'Code'),
  initiator: say('Pemrakarsa', 'Initiator'),
  partiesCaption: say('Para pihak', 'Parties'),
  urusanCaption: say('Urusan yang dipetakan', 'Urusan mapped'),
  urusanCode: say('Kode', 'Code'),
  urusanName: say('Urusan', 'Urusan'),
  urusanEmpty: say('Urusan belum dipetakan.', 'No urusan mapped yet.'),
  planningCaption: say('Dokumen perencanaan', 'Planning documents'),
  planningKind: say('Jenis dokumen', 'Kind of document'),
  planningReference: say('Nomor / judul', 'Reference'),
  planningEmpty: say('Belum ada dokumen perencanaan yang dikaitkan.', 'No planning document is linked yet.'),
  workPlanCaption: say('Rencana kerja', 'Work plan'),
  workPlanEmpty: say('Belum ada rencana kerja.', 'No work plan yet.'),
  actionState: say('Keadaan', 'State'),
  evidence: say('Bukti', 'Evidence'),
  noEvidence: say('Belum ada bukti', 'No evidence yet'),
  evidenceFile: say('Berkas', 'File'),
  outputAchieved: say('Keluaran tercapai', 'Output achieved'),
  monevCaption: say('Monitoring dan evaluasi', 'Monitoring and evaluation'),
  recommendation: say('Rekomendasi', 'Recommendation'),
  findings: say('Temuan', 'Findings'),
  risksCaption: say('Risiko seremonial saat ini', 'Current ceremonial risks'),
  risksEmpty: say('Tidak ada risiko seremonial saat ini.', 'No ceremonial risk at present.'),
  timelineTitle: say('Linimasa', 'Timeline'),
  timelineCaption: say('Riwayat kerja sama, yang terlama lebih dahulu', 'The agreement’s history, oldest first'),
  timelineEmpty: say('Riwayat belum tersedia.', 'No history available yet.'),
  who: say('Oleh', 'By'),
  happenedOn: say('Tanggal', 'Date'),
  recordedAt: say('Dicatat', 'Recorded'),
  step: say('Langkah', 'Step'),
  backToRegister: say('Kembali ke register', 'Back to the register'),

  errorTitle: say('Halaman tidak dapat ditampilkan', 'The page cannot be shown'),
  errorsCaption: say('Yang perlu diperbaiki', 'What to correct'),
  notFoundTitle: say('Halaman tidak ditemukan', 'Page not found'),
  notFoundBody: say('Alamat ini tidak ada. Periksa ejaannya, atau mulai dari register.', 'There is no page at this address. Check the spelling, or start from the register.'),
  signInTitle: say('Silakan masuk terlebih dahulu', 'Please sign in first'),
  signInBody: say('Halaman ini hanya untuk pengguna yang sudah masuk ke aplikasi kerja sama.', 'This page is for users signed in to the cooperation application only.'),
  serverErrorBody: say('Terjadi kesalahan pada server. Silakan coba lagi nanti; bila berulang, hubungi pengelola aplikasi.', 'Something went wrong on the server. Please try again later; if it happens again, contact the application’s administrator.'),
} as const satisfies Record<string, Text>

export const days = (count: number): Text => say(`${count} hari ke depan`, `Next ${count} days`)
export const pageHeading = (page: Text, count: number): Text => say(`${page.id} (${count})`, `${page.en} (${count})`)
export const agreementsCount = (count: number): Text => say(`${count} kerja sama`, count === 1 ? '1 agreement' : `${count} agreements`)
export const stagesChartDescription = (regions: number): Text =>
  say(
    `Diagram batang bertumpuk: untuk ${regions} wilayah, banyaknya kerja sama menurut tahap yang sedang dijalani. Angka yang sama ada pada tabel di bawahnya.`,
    `Stacked bar chart: for ${regions} ${regions === 1 ? 'region' : 'regions'}, how many agreements stand at each stage. The same numbers are in the table below it.`,
  )
export const monevChartDescription = (points: number, series: number): Text =>
  say(
    `Diagram garis: ${points} nilai monev (0–100) dari ${series} kerja sama menurut tanggal pelaksanaannya. Angka yang sama ada pada tabel di bawahnya.`,
    `Line chart: ${points} monev ${points === 1 ? 'score' : 'scores'} (0–100) of ${series} ${series === 1 ? 'agreement' : 'agreements'} by the day each was held. The same numbers are in the table below it.`,
  )
export const termYears = (years: number): Text => say(`${years} tahun`, years === 1 ? '1 year' : `${years} years`)
export const termPeriod = (start: string, end: string): Text => say(`${start} s.d. ${end}`, `${start} to ${end}`)
export const semesterName = (semester: string): Text => {
  const [year, half] = semester.split('-')
  return half === '1' ? say(`Semester I tahun ${year}`, `First half of ${year}`) : say(`Semester II tahun ${year}`, `Second half of ${year}`)
}
export const termLabel = (number: number): Text => say(`Periode ${number}`, `Term ${number}`)
