import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import type { Command } from '../command'
import { EXIT } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { openStoreForReading } from '../openStore'
import { projectionStatusLines } from '../projectionStatusTable'
import { READ_ONLY_NOTE } from '../readCommand'
import { storeDescription } from '../storeDescription'
import { absentTenantNotice } from '../tenantPresence'
import { commandOptions } from '../storeOptions'
import { tableWidth } from '../tableLayout'

export const statusCommand: Command = {
  name: 'status',
  summary: { id: 'keadaan setiap proyeksi: posisi, ketertinggalan, galat terakhir; hanya membaca', en: 'every projection’s state, checkpoint, lag and last error, read-only' },
  options: commandOptions(),
  readOnly: true,
  notes: [
    {
      en: 'One row per built-in projection: its state (caught-up, running, rebuilding, standby, stopped, failed), the version of its active build, the position it has applied up to, the head of the log, the lag between them, the instance holding its lease and the code of its last error, whose message follows the table in full. Exits 1 when a projection has failed, so a health check can run it.',
      id: 'Satu baris per proyeksi bawaan: keadaannya, versi build aktif, posisi yang sudah diterapkan, ujung log, ketertinggalan, instans pemegang lease, dan kode galat terakhir (pesannya lengkap di bawah tabel). Kode keluar 1 bila ada proyeksi yang gagal, sehingga dapat dipakai sebagai pemeriksaan kesehatan.',
    },
    READ_ONLY_NOTE,
  ],
  async run({ selection, io, json, language, wording }) {
    const store = await openStoreForReading(selection, io.env)
    try {
      // Every row of a tenant with no event reads `stopped 0 0`, like a store nobody has written to yet; say which tenants it does hold.
      const absent = await absentTenantNotice(selection, store, io.env)
      if (absent !== undefined) for (const line of wording.lines(absent)) io.err(line)
      const runner = createProjectionRunner({ eventStore: store.eventStore, readModels: store.readModels, projections: [...builtInProjections] })
      const statuses = await runner.status()
      if (json) io.out(jsonText(statuses))
      else {
        io.out(`${wording.heading({ id: 'Proyeksi', en: 'Projections' })}: ${storeDescription(selection, language, store.eventStore.tenant)}`)
        for (const line of projectionStatusLines(statuses, wording, tableWidth(io.columns))) io.out(line)
      }
      return statuses.some((status) => status.state === 'failed') ? EXIT.failure : EXIT.ok
    } finally {
      await store.close()
    }
  },
}
