import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import type { ProjectionStatus } from '@kerjasama/projections'
import { catchUpPastOthers } from '../catchUpPastOthers'
import type { Command } from '../command'
import { EXIT } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { openStoreForWriting } from '../openStore'
import { PROJECTION_NAMES, projectionArgument } from '../projectionArgument'
import { projectionStatusLines } from '../projectionStatusTable'
import { progressReport } from '../progressReport'
import { storeDescription } from '../storeDescription'
import { commandOptions } from '../storeOptions'
import { tableWidth } from '../tableLayout'

export const rebuildCommand: Command = {
  name: 'rebuild',
  summary: { id: 'memutakhirkan semua model baca, atau membangun ulang satu proyeksi, dengan kemajuannya', en: 'catch every read model up, or rebuild one projection afresh, showing progress' },
  arguments: [{ name: 'projection', required: false, help: { id: `satu dari ${PROJECTION_NAMES.join(', ')}`, en: `one of ${PROJECTION_NAMES.join(', ')}` } }],
  options: commandOptions(),
  notes: [
    {
      en: 'Without a projection, every built-in projection catches up with the log (finishing any rebuild a new version started); with one, that projection is built afresh beside its active build, which readers keep seeing until the new one has caught up and replaces it. Progress goes to stderr: a bar per projection on a terminal, otherwise plain lines (done / total, events a second, time left). The store must exist: a missing file or schema is STORE_NOT_FOUND, nothing is created. Where another instance (a running app, `kerjasama serve`, another rebuild) holds a projection’s lease, it does the work and rebuild waits until it has caught up; a holder that died (kill -9) is waited out until its lease runs out, and rebuild then does the work itself. Exits 1 when a projection stopped at a poison event; `kerjasama skip` passes over it on record.',
      id: 'Tanpa nama proyeksi, setiap proyeksi bawaan mengejar log (menuntaskan pembangunan ulang yang dimulai versi baru); dengan nama, proyeksi itu dibangun ulang di samping build aktifnya, yang tetap dibaca sampai build baru menyusul dan menggantikannya. Kemajuan dicetak ke stderr: bilah per proyeksi di terminal, selain itu baris biasa (selesai / jumlah, peristiwa per detik, sisa waktu). Penyimpanan harus sudah ada: berkas atau skema yang tidak ada dilaporkan STORE_NOT_FOUND dan tidak ada yang dibuat. Bila instans lain (aplikasi yang berjalan, `kerjasama serve`, rebuild lain) memegang lease proyeksi, instans itu yang bekerja dan rebuild menunggu sampai instans itu menyusul; pemegang yang sudah mati (kill -9) ditunggu sampai lease-nya habis, lalu rebuild mengerjakannya sendiri. Kode keluar 1 bila proyeksi berhenti pada peristiwa beracun; `kerjasama skip` melewatinya secara tercatat.',
    },
  ],
  async run({ selection, io, args, json, language, wording }) {
    const name = args[0] === undefined ? undefined : projectionArgument(args[0], 'rebuild')
    const store = await openStoreForWriting(selection, io.env ?? process.env, { create: false })
    try {
      const progress = progressReport(io, wording)
      const runner = createProjectionRunner({
        eventStore: store.eventStore,
        readModels: store.readModels,
        projections: [...builtInProjections],
        onProgress: progress.onProgress,
        ...(io.clock === undefined ? {} : { clock: io.clock }),
      })
      if (!json) {
        const what = name === undefined ? wording.heading({ id: 'Memutakhirkan model baca', en: 'Catching up the read models' }) : wording.heading({ id: `Membangun ulang ${name}`, en: `Rebuilding ${name}` })
        io.out(`${what}: ${storeDescription(selection, language, store.eventStore.tenant)}`)
      }
      let statuses: ProjectionStatus[]
      try {
        statuses = name === undefined ? await catchUpPastOthers(runner, io, wording) : [await runner.rebuild(name)]
      } finally {
        progress.finish()
      }
      if (json) io.out(jsonText(statuses))
      else for (const line of projectionStatusLines(statuses, wording, tableWidth(io.columns))) io.out(line)
      return statuses.some((status) => status.state === 'failed') ? EXIT.failure : EXIT.ok
    } finally {
      await store.close()
    }
  },
}
