import { resolve } from 'node:path'
import { WATCH_AFTER_DAYS, createSeedService, runSeedScenario, showReadModels } from '@kerjasama/example-jateng'
import type { EventStore, ReadModelStore } from '@kerjasama/core'
import { adapterExport } from '../adapterModule'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import type { Command } from '../command'
import { sealDemoFile } from '../demoFile'
import { EXIT } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { openDemoStore } from '../openStore'
import { OUTPUT_OPTION_HELP, STORE_OPTION_HELP } from '../storeOptions'
import { printVerifyReport } from '../verifyOutput'

/** SQLite and PostgreSQL stores carry their read models; the memory event store has a read-model store beside it. */
async function readModelsOf(store: EventStore): Promise<ReadModelStore> {
  if ('readModels' in store) return (store as EventStore & { readModels: ReadModelStore }).readModels
  return (await adapterExport<ReadModelStore>('@kerjasama/store-memory', 'openMemoryReadModelStore', 'memory'))({ tenant: store.tenant })
}

export const demoCommand: Command = {
  name: 'demo',
  summary: { id: 'menjalankan skenario Jawa Tengah 2022', en: 'run the Central Java 2022 seed scenario' },
  options: {
    ...STORE_OPTION_HELP,
    tenant: {
      id: 'daerah tempat demo menulis (bawaan: default); skenarionya melibatkan beberapa daerah, jadi penyimpanan satu daerah menolak kerja sama yang tidak melibatkannya',
      en: 'the tenant the demo writes to (default: default); the scenario involves several regions, so a region\'s store refuses the agreements it is not party to',
    },
    ...OUTPUT_OPTION_HELP,
  },
  notes: [
    {
      en: 'The demo recreates its SQLite file on every run, but only a file it owns: the default file, a path that does not exist yet, or a file an earlier demo run made and nothing has changed since (recorded in <file>.kerjasama-demo.json). Any other existing file is refused with CLI_DEMO_FILE_EXISTS and left untouched. The demo prints the file\'s absolute path. On PostgreSQL the demo never deletes anything: each run adds its five agreements (with fresh ids) to the schema.',
      id: 'Demo hanya membuat ulang berkas SQLite miliknya: berkas bawaan, path yang belum ada, atau berkas buatan demo sebelumnya yang belum diubah; berkas lain ditolak dan tidak disentuh. Di PostgreSQL demo tidak menghapus apa pun.',
    },
    {
      en: 'The scenario’s own narrative is written in both languages whatever --lang says; --lang chooses the language of the lines the CLI adds. --json prints, instead of the narrative, one JSON document: each agreement’s path, every refused step with its reasons, the watchlist and the verification.',
      id: 'Narasi skenario selalu dua bahasa, apa pun --lang; --lang memilih bahasa baris yang ditambahkan CLI. --json mencetak, sebagai ganti narasi, satu dokumen JSON: jalur setiap kerja sama, setiap langkah yang ditolak beserta alasannya, daftar pantauan, dan hasil verifikasi.',
    },
  ],
  async run({ selection, io, json, language }) {
    // Loaded before the store is opened: a broken dataset install stops the demo before it touches a database.
    const regions = await loadIndonesianRegions()
    const store = await openDemoStore(selection, io.env)
    // With --json the narrative is left out, so that stdout is one JSON document.
    const log = json ? () => undefined : io.out
    try {
      // Absolute, because `pnpm demo` runs in packages/cli and a relative path would send the user looking in the wrong place.
      const where = selection.store !== 'sqlite' ? '' : selection.file === ':memory:' ? ' (:memory:)' : ` (${resolve(selection.file)})`
      const tenant = selection.tenant === undefined ? '' : `, ${language === 'en' ? 'tenant' : 'daerah/tenant'} ${selection.tenant}`
      log(`Kerjasama demo — ${language === 'en' ? 'store' : 'penyimpanan/store'}: ${selection.store}${where}${tenant}`)
      log(`${language === 'en' ? 'Regions' : 'Daftar wilayah / regions'}: ${regions.source}`)
      const { service, clock } = createSeedService(store, { regions })
      const report = await runSeedScenario(service, log, clock)
      log('')
      log(
        language === 'en'
          ? `Summary: ${report.agreements.length} agreements, ${report.refusals.length} steps refused`
          : `Ringkasan / Summary: ${report.agreements.length} kerja sama, ${report.refusals.length} langkah ditolak / steps refused`,
      )
      const watchedOn = new Date(clock().getTime() + WATCH_AFTER_DAYS * 86_400_000)
      const shown = await showReadModels({ eventStore: store, readModels: await readModelsOf(store), now: watchedOn, semester: '2022-2', log })
      log('')
      const verification = await store.verify()
      printVerifyReport(verification, log, language)
      if (json) {
        io.out(jsonText({ store: selection.store, tenant: store.tenant, regions: regions.source, agreements: report.agreements, refusals: report.refusals, watchedOn, watchlist: shown.watchlist, verification }))
      }
      return verification.ok ? EXIT.ok : EXIT.failure
    } finally {
      await store.close()
      if (selection.store === 'sqlite' && selection.file !== ':memory:') sealDemoFile(selection.file)
    }
  },
}
