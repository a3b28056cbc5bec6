import { AgreementNotFound, KerjasamaError, agreementStreamId } from '@kerjasama/core'
import type { EventStore, StoredEvent } from '@kerjasama/core'
import { builtInReader, queryTimeline } from '@kerjasama/projections'
import type { Command, CommandContext } from '../command'
import { EXIT } from '../exitCodes'
import type { ExitCode } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { flagValue } from '../optionValues'
import { READ_ONLY_NOTE, withReadOnlyStore } from '../readCommand'
import { commandOptions } from '../storeOptions'
import { renderTable, tableWidth } from '../tableLayout'
import { UsageError } from '../usageError'

export class TimelineNotBuilt extends KerjasamaError {
  constructor(agreementId: string) {
    super(
      'CLI_TIMELINE_NOT_BUILT',
      {
        id: `Kerja sama ${agreementId} ada dalam log, tetapi belum ada di model baca linimasa; jalankan \`kerjasama rebuild\`, atau lihat peristiwanya dengan --events`,
        en: `Agreement ${agreementId} is in the log but not yet in the timeline read model; run \`kerjasama rebuild\`, or see its events with --events`,
      },
      { agreementId },
    )
  }
}

export const historyCommand: Command = {
  name: 'history',
  summary: { id: 'linimasa satu kerja sama, atau peristiwanya apa adanya dengan --events; hanya membaca', en: 'one agreement’s timeline, or its raw events with --events, read-only' },
  arguments: [{ name: 'id', required: true, help: { id: 'id kerja sama', en: 'the agreement id' } }],
  options: commandOptions({
    events: { id: 'peristiwa aliran kerja sama apa adanya (posisi, versi, jenis, pelaku; dengan --json juga data dan metadata), langsung dari log', en: 'the agreement stream’s events as recorded (position, version, type, actor; with --json also data and metadata), straight from the log' },
  }),
  readOnly: true,
  notes: [
    {
      en: 'The timeline says when (recorded and happened), who (role and the party acted for) and what, in the language of --lang. Refused commands never became events and are not in it. An agreement the log does not hold is AGREEMENT_NOT_FOUND (exit 1).',
      id: 'Linimasa menyebutkan kapan (dicatat dan terjadi), siapa (peran dan pihak yang diwakili), dan apa, dalam bahasa --lang. Perintah yang ditolak tidak pernah menjadi peristiwa dan tidak tercantum. Kerja sama yang tidak ada dalam log dilaporkan AGREEMENT_NOT_FOUND (kode keluar 1).',
    },
    READ_ONLY_NOTE,
  ],
  async run(context) {
    const agreementId = agreementIdArgument(context.args[0] ?? '')
    return flagValue(context.values, 'events') ? rawEvents(context, agreementId) : timeline(context, agreementId)
  },
}

// The agreement commands' own rule for an id (trimmed, 1–100 characters); no agreement can have another, so it is a usage error rather than a store's refusal.
const MAX_AGREEMENT_ID = 100

function agreementIdArgument(text: string): string {
  const id = text.trim()
  // Not echoed: a control character in a message on stderr could drive the terminal.
  if (id.length > MAX_AGREEMENT_ID || /[\u0000-\u001f\u007f-\u009f]/.test(id)) {
    throw new UsageError(
      { id: `Id kerja sama paling panjang ${MAX_AGREEMENT_ID} karakter, tanpa karakter kontrol`, en: `An agreement id is at most ${MAX_AGREEMENT_ID} characters long, with no control characters` },
      'history',
    )
  }
  return id
}

async function timeline(context: CommandContext, agreementId: string): Promise<ExitCode> {
  const { io, json, wording } = context
  const found = await withReadOnlyStore(context, ['timeline'], async (store) => {
    const result = await queryTimeline(builtInReader(store.readModels), { tenant: store.eventStore.tenant, agreementId })
    if (result === undefined) throw (await firstEvent(store.eventStore, agreementId)) === undefined ? new AgreementNotFound(agreementId) : new TimelineNotBuilt(agreementId)
    return result
  })
  if (json) {
    io.out(jsonText(found))
    return EXIT.ok
  }
  const word = (id: string, en: string): string => wording.text({ id, en })
  io.out(`${wording.heading({ id: 'Linimasa', en: 'Timeline' })}: ${agreementId} (${found.entries.length})`)
  const table = renderTable(
    [
      { header: 'v', fixed: true, align: 'right' },
      { header: word('terjadi', 'happened'), fixed: true },
      { header: word('peran', 'role'), fixed: true },
      { header: word('untuk', 'for'), fixed: true },
      { header: word('apa', 'what') },
    ],
    found.entries.map((entry) => [String(entry.version), entry.happenedOn, entry.who.role, entry.who.actsFor ?? '—', wording.text(entry.what)]),
    tableWidth(io.columns),
  )
  for (const line of table) io.out(line)
  return EXIT.ok
}

async function rawEvents(context: CommandContext, agreementId: string): Promise<ExitCode> {
  const { io, json, wording } = context
  // Straight from the log: no read model is involved, so no notice about them.
  const events = await withReadOnlyStore(context, [], async (store) => {
    const stored: StoredEvent[] = []
    for await (const event of store.eventStore.readStream(agreementStreamId(agreementId))) stored.push(event)
    if (stored.length === 0) throw new AgreementNotFound(agreementId)
    return stored
  })
  if (json) {
    io.out(jsonText(events))
    return EXIT.ok
  }
  const word = (id: string, en: string): string => wording.text({ id, en })
  io.out(`${wording.heading({ id: 'Peristiwa', en: 'Events' })}: ${agreementStreamId(agreementId)} (${events.length})`)
  const table = renderTable(
    [
      { header: word('posisi', 'position'), fixed: true, align: 'right' },
      { header: 'v', fixed: true, align: 'right' },
      { header: word('dicatat', 'recorded'), fixed: true },
      { header: word('jenis', 'type'), fixed: true },
      { header: word('pelaku', 'actor') },
    ],
    events.map((event) => [String(event.position), String(event.version), event.metadata.recordedAt, event.type, actorText(event)]),
    tableWidth(io.columns),
  )
  for (const line of table) io.out(line)
  return EXIT.ok
}

function actorText(event: StoredEvent): string {
  const actor = event.metadata.actor
  return `${actor.id} (${actor.role}${actor.actsFor === undefined ? '' : `, ${actor.actsFor}`})`
}

async function firstEvent(store: EventStore, agreementId: string): Promise<StoredEvent | undefined> {
  for await (const event of store.readStream(agreementStreamId(agreementId))) return event
  return undefined
}
