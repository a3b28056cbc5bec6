import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import type { Command } from '../command'
import { defaultOperator, parseActorOption } from '../actorOption'
import { EXIT } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { openStoreForWriting } from '../openStore'
import { requiredValue, stringValue } from '../optionValues'
import { PROJECTION_NAMES, projectionArgument } from '../projectionArgument'
import { commandOptions } from '../storeOptions'
import { UsageError } from '../usageError'

export const skipCommand: Command = {
  name: 'skip',
  summary: { id: 'melewati, secara tercatat, peristiwa beracun tempat sebuah proyeksi berhenti', en: 'skip, on record, the poison event a projection stopped at' },
  arguments: [
    { name: 'projection', required: true, help: { id: `satu dari ${PROJECTION_NAMES.join(', ')}`, en: `one of ${PROJECTION_NAMES.join(', ')}` } },
    { name: 'position', required: true, help: { id: 'posisi peristiwa tempat proyeksi berhenti (lihat `kerjasama status`)', en: 'the position of the event it stopped at (see `kerjasama status`)' } },
  ],
  options: commandOptions({
    reason: { id: 'mengapa peristiwa itu boleh dilewati; wajib, disimpan dalam catatan skip', en: 'why the event may be passed over; required, kept in the skip record' },
    actor: {
      id: 'siapa yang melewati, id:peran[:mewakili] (bawaan: operator:<nama login>, peran operator)',
      en: 'who skips, id:role[:actsFor] (default: operator:<login name>, role operator)',
    },
  }),
  notes: [
    {
      en: 'Only the event the projection stopped at can be skipped: any other position, or a projection that has not stopped, is PROJECTION_SKIP_REFUSED (exit 1) and nothing moves. The skip record (which event, who, why, when) is written in the same transaction that moves the checkpoint. The projection goes on from the next event at the next catch-up: run `kerjasama rebuild`, or let the running app do it.',
      id: 'Hanya peristiwa tempat proyeksi berhenti yang dapat dilewati: posisi lain, atau proyeksi yang tidak sedang berhenti, ditolak dengan PROJECTION_SKIP_REFUSED (kode keluar 1) dan tidak ada yang bergeser. Catatan skip (peristiwa mana, siapa, mengapa, kapan) ditulis dalam transaksi yang sama dengan pergeseran posisi. Proyeksi berlanjut dari peristiwa berikutnya pada pengejaran berikut: jalankan `kerjasama rebuild`, atau biarkan aplikasi yang berjalan melakukannya.',
    },
  ],
  async run({ selection, io, args, values, json, wording }) {
    const name = projectionArgument(args[0] ?? '', 'skip')
    const positionText = args[1] ?? ''
    if (!/^\d+$/.test(positionText)) throw new UsageError({ id: `Posisi ditulis sebagai bilangan bulat tidak negatif: ${positionText}`, en: `A position is a non-negative whole number: ${positionText}` }, 'skip')
    const reason = requiredValue(values, 'reason', 'skip')
    const actorText = stringValue(values, 'actor')
    const actor = actorText === undefined ? defaultOperator(io.env) : parseActorOption(actorText, 'skip')
    const store = await openStoreForWriting(selection, io.env ?? process.env, { create: false })
    try {
      const runner = createProjectionRunner({ eventStore: store.eventStore, readModels: store.readModels, projections: [...builtInProjections], ...(io.clock === undefined ? {} : { clock: io.clock }) })
      const record = await runner.skip(name, BigInt(positionText), { reason, actor })
      if (json) io.out(jsonText(record))
      else {
        io.out(
          wording.heading({
            id: `Dilewati: ${record.projection} posisi ${record.position} (${record.streamId} v${record.eventVersion}, ${record.eventType}) oleh ${record.actor.id}`,
            en: `Skipped: ${record.projection} position ${record.position} (${record.streamId} v${record.eventVersion}, ${record.eventType}) by ${record.actor.id}`,
          }),
        )
        for (const line of wording.lines({ id: 'Jalankan `kerjasama rebuild` agar proyeksi berlanjut.', en: 'Run `kerjasama rebuild` for the projection to go on.' })) io.out(line)
      }
      return EXIT.ok
    } finally {
      await store.close()
    }
  },
}
