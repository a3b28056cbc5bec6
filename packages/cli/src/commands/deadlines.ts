import { builtInReader, queryDeadlines } from '@kerjasama/projections'
import type { Deadline } from '@kerjasama/projections'
import type { Command } from '../command'
import type { Wording } from '../language'
import { EXIT } from '../exitCodes'
import { regionValue } from '../filterCodes'
import { jsonText } from '../jsonOutput'
import { integerValue } from '../optionValues'
import { READ_ONLY_NOTE, headingDay, nowOf, withReadOnlyStore } from '../readCommand'
import { commandOptions } from '../storeOptions'
import { renderTable, tableWidth } from '../tableLayout'

const DEFAULT_DAYS = 30

export const deadlinesCommand: Command = {
  name: 'deadlines',
  summary: { id: 'kegiatan yang jatuh tempo dan masa berlaku yang berakhir dalam beberapa hari ke depan; hanya membaca', en: 'work-plan actions due and terms ending in the days ahead, read-only' },
  options: commandOptions({
    days: { id: `berapa hari ke depan, hari ini termasuk (1–3650, bawaan: ${DEFAULT_DAYS})`, en: `how many days ahead, today included (1–3650, default: ${DEFAULT_DAYS})` },
    region: { id: 'hanya kerja sama yang diikuti wilayah ini', en: 'only agreements this region takes part in' },
  }),
  readOnly: true,
  notes: [
    {
      en: 'Soonest first; completed actions and ended agreements are left out. Today is that of --region (WIB, WITA or WIT); without it, each agreement\'s initiating region\'s today, and the heading names the day of the store\'s tenant when that is a region\'s code, else the UTC day.',
      id: 'Yang paling dekat lebih dulu; kegiatan yang selesai dan kerja sama yang berakhir tidak dicantumkan. Hari ini adalah hari ini menurut waktu wilayah --region (WIB, WITA, atau WIT); tanpa itu, menurut waktu daerah pemrakarsa setiap kerja sama, dan judul menyebut tanggal menurut daerah penyimpanan bila itu kode wilayah, atau tanggal UTC.',
    },
    READ_ONLY_NOTE,
  ],
  async run(context) {
    const { values, io, json, wording } = context
    const days = integerValue(values, 'days', { min: 1, max: 3650 }, 'deadlines') ?? DEFAULT_DAYS
    const region = regionValue(values, 'deadlines')
    const now = nowOf(context)
    const deadlines = await withReadOnlyStore(context, ['deadlines'], (store) =>
      queryDeadlines(builtInReader(store.readModels), { now, days, ...(region === undefined ? {} : { region }) }),
    )
    if (json) {
      io.out(jsonText(deadlines))
      return EXIT.ok
    }
    const day = headingDay(now, region, context.selection.tenant)
    const word = (id: string, en: string): string => wording.text({ id, en })
    io.out(`${wording.heading({ id: `Tenggat ${days} hari sejak ${day}`, en: `Deadlines in the ${days} days from ${day}` })} (${deadlines.length})`)
    const table = renderTable(
      [
        { header: word('tanggal', 'due'), fixed: true },
        { header: word('jenis', 'kind'), fixed: true },
        { header: word('kerja sama', 'agreement'), fixed: true },
        { header: word('apa', 'what') },
        { header: word('pelaksana', 'owner') },
      ],
      deadlines.map((deadline) => [deadline.dueDate, deadline.kind, deadline.agreementId, whatFallsDue(deadline, wording), deadline.owner ?? '—']),
      tableWidth(io.columns),
    )
    for (const line of table) io.out(line)
    return EXIT.ok
  },
}

function whatFallsDue(deadline: Deadline, wording: Wording): string {
  if (deadline.kind === 'action') return deadline.description ?? deadline.actionId ?? '—'
  return wording.text({ id: `masa berlaku berakhir: ${deadline.object}`, en: `term ends: ${deadline.object}` })
}
