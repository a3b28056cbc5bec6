import { createAgreementService, isRefusal } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { builtInProjections, builtInReader, createProjectionRunner, queryRegister, queryWatchlist } from '@kerjasama/projections'
import { openSqliteStore } from '@kerjasama/store-sqlite'

export async function gettingStarted(file: string, log: (line: string) => void = console.log) {
  // 1. Open a store for the region (Kabupaten Kebumen, 33.05) and an agreement
  //    service. The clock is injected: here it starts at the 2022 rakor and is
  //    moved forward as the weeks of the procedure pass.
  let today = new Date('2022-02-22T02:00:00Z')
  const clock = () => new Date(today)
  const passDays = (days: number) => { today = new Date(today.getTime() + days * 86_400_000) }
  const store = openSqliteStore({ file, tenant: '33.05' })
  const agreements = createAgreementService({ store, clock })

  // Every actor says who they are, their role, and the party they act for.
  const opd: Actor = { id: 'u-dinkop', role: 'opd', actsFor: '33.05' }
  const tkksd: Actor = { id: 'u-sekda', role: 'tkksd', actsFor: '33.05' }
  const bupati: Actor = { id: 'u-bupati', role: 'kepala-daerah', actsFor: '33.05' }
  const kepalaDinas: Actor = { id: 'u-kadis', role: 'kuasa', actsFor: '33.05' }
  const inspektorat: Actor = { id: 'u-inspektorat', role: 'monev', actsFor: '33.05' }
  const koperasi: Actor = { id: 'u-koperasi', role: 'partner', actsFor: 'koperasi-nira' }

  // 2. Identified: the object, the potential it serves, the proposed partner.
  const { agreementId } = await agreements.execute({
    type: 'IdentifyCooperation',
    kind: 'KSDPK',
    object: 'Pengembangan sentra gula merah Kebumen',
    potential: 'Gula merah (gula kelapa) Kebumen',
    initiatingRegion: '33.05',
    initiatingUnit: 'Dinas Koperasi, UKM dan Perdagangan',
    partners: [{ partnerId: 'koperasi-nira', name: 'Koperasi Produsen Nira Kelapa Kebumen', kind: 'pihak-ketiga' }],
  }, { actor: opd })
  const id = { agreementId }

  // 3. Mapped: urusan, authority, planning documents, KAK and studi kelayakan.
  passDays(7)
  await agreements.execute({
    type: 'MapAffairs', ...id,
    affairs: ['2.17', '3.30'],
    authorityStatement: 'Kewenangan kabupaten di bidang UMKM dan perdagangan (lampiran UU 23/2014)',
    planningDocuments: [{ kind: 'RPJMD', reference: 'Perda RPJMD 2021-2026' }],
    kak: { reference: 'KAK/DINKOP/2022/01' },
    feasibilityStudy: { reference: 'FS/KOPERASI/2022/01', preparedBy: 'partner' },
  }, { actor: opd })

  // 4. Coordinated: TKKSD's verdict, the bupati's offer, the partner's answer,
  //    and a work plan whose first action falls due soon after signing.
  passDays(7)
  await agreements.execute({ type: 'AssessFeasibility', ...id, verdict: 'layak', notes: 'Potensi bahan baku dan pasar memadai' }, { actor: tkksd })
  await agreements.execute({ type: 'SendOffer', ...id, letterReference: 'Surat Bupati 500/123/2022' }, { actor: bupati })
  passDays(7)
  await agreements.execute({ type: 'RecordOfferResponse', ...id, partnerId: 'koperasi-nira', accepted: true }, { actor: koperasi })
  await agreements.execute({
    type: 'AgreeWorkPlan', ...id,
    actions: [{ actionId: 'pelatihan', description: 'Pelatihan produksi dan pengemasan gula semut', owner: 'Dinas Koperasi', dueDate: '2022-06-15', output: '40 perajin terlatih' }],
    duration: { years: 3 }, sector: 'public-service', funding: 'APBD 2022', burdensPublic: false, inCurrentApbd: true,
  }, { actor: tkksd })

  // 5. Signed: TKKSD discusses each draft; the bupati signs the KB in person,
  //    the head of the agency signs the PKS with a surat kuasa; the partner signs both.
  passDays(14)
  await agreements.execute({ type: 'ReviewDraft', ...id, document: 'KB', draftReference: 'Rancangan KB v2', notes: 'Disepakati dalam rapat TKKSD' }, { actor: tkksd })
  const partnerSigner = { name: 'Ketua Koperasi', office: 'Koperasi Produsen Nira Kelapa Kebumen', capacity: 'pimpinan-mitra', inPerson: true } as const
  await agreements.execute({ type: 'SignKesepakatanBersama', ...id, partyId: 'koperasi-nira', signer: partnerSigner }, { actor: koperasi })
  await agreements.execute({ type: 'SignKesepakatanBersama', ...id, partyId: '33.05', signer: { name: 'Bupati Kebumen', office: 'Bupati', capacity: 'kepala-daerah', inPerson: true } }, { actor: bupati })
  await agreements.execute({ type: 'ReviewDraft', ...id, document: 'PKS', draftReference: 'Rancangan PKS v1', notes: 'Rincian hak dan kewajiban disepakati' }, { actor: tkksd })
  await agreements.execute({ type: 'SignPerjanjianKerjaSama', ...id, partyId: 'koperasi-nira', signer: partnerSigner }, { actor: koperasi })
  await agreements.execute({
    type: 'SignPerjanjianKerjaSama', ...id, partyId: '33.05',
    signer: { name: 'Kepala Dinas Koperasi', office: 'Dinas Koperasi, UKM dan Perdagangan', capacity: 'pemegang-kuasa', inPerson: true, suratKuasaRef: 'SK Bupati 180/45/2022' },
  }, { actor: kepalaDinas })
  log(`stage after signing: ${(await agreements.load(agreementId)).status}`)

  // A ceremonial step is refused with a coded reason, in both languages.
  try {
    await agreements.execute({ type: 'CompleteAction', ...id, actionId: 'pelatihan' }, { actor: opd })
  } catch (error) {
    if (!isRefusal(error)) throw error
    for (const violation of error.violations) log(`refused ${violation.code}: ${violation.message.id}`)
  }

  // 6. Implemented: the action is started and completed with evidence.
  passDays(20)
  await agreements.execute({ type: 'StartAction', ...id, actionId: 'pelatihan' }, { actor: opd })
  passDays(30)
  await agreements.execute({ type: 'CompleteAction', ...id, actionId: 'pelatihan', evidence: { kind: 'url', url: 'https://dinkop.kebumenkab.go.id/berita-acara/pelatihan-2022' } }, { actor: opd })

  // 7. Evaluated: a monev result on the public rubric.
  passDays(60)
  await agreements.execute({ type: 'RecordMonev', ...id, score: 100, findings: 'Pelatihan terlaksana; produksi gula semut naik', recommendation: 'continue' }, { actor: inspektorat })
  log(`stage after monev: ${(await agreements.load(agreementId)).status}`)

  // 8. Read models: the runner folds the events into the register and the
  //    watchlist judges, at the moment asked, what risks turning ceremonial.
  const runner = createProjectionRunner({ eventStore: store, readModels: store.readModels, projections: [...builtInProjections] })
  await runner.catchUp()
  const reader = builtInReader(store.readModels)
  const [entry] = (await queryRegister(reader, { region: '33.05' })).items
  log(`register: ${entry?.object} — ${entry?.stage}, ends ${entry?.endDate}`)
  const risks = await queryWatchlist(reader, { now: new Date('2023-06-01T00:00:00Z') })
  for (const risk of risks) log(`watchlist ${risk.code}: ${risk.reason.en}`)

  await store.close()
}

if (import.meta.url === `file://${process.argv[1]}`) await gettingStarted('getting-started.db')
