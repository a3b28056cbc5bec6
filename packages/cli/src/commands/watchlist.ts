import { builtInReader, queryWatchlist } from '@kerjasama/projections'
import type { Command } from '../command'
import { EXIT } from '../exitCodes'
import { regionValue } from '../filterCodes'
import { jsonText } from '../jsonOutput'
import { READ_ONLY_NOTE, headingDay, nowOf, withReadOnlyStore } from '../readCommand'
import { commandOptions } from '../storeOptions'
import { renderTable, tableWidth } from '../tableLayout'

const SEVERITY = { high: { id: 'tinggi', en: 'high' }, medium: { id: 'sedang', en: 'medium' }, low: { id: 'rendah', en: 'low' } } as const

export const watchlistCommand: Command = {
  name: 'watchlist',
  summary: { id: 'daftar pantauan risiko seremonial, dinilai hari ini; hanya membaca', en: 'the ceremonial-risk watchlist, judged today, read-only' },
  options: commandOptions({
    region: { id: 'hanya kerja sama yang diikuti wilayah ini', en: 'only agreements this region takes part in' },
  }),
  readOnly: true,
  notes: [
    {
      en: 'Judged at the moment the command runs, from the register (time passing is no event, so nothing of it is stored), worst first, with the default policy of @kerjasama/projections. Each agreement is judged on today as its initiating region counts it (WIB, WITA or WIT); the heading names the day of --region, else of the store\'s tenant when that is a region\'s code, else the UTC day.',
      id: 'Dinilai pada saat perintah dijalankan, dari register (berlalunya waktu bukan peristiwa, jadi tidak ada yang disimpan), yang paling berat lebih dulu, dengan kebijakan bawaan @kerjasama/projections. Setiap kerja sama dinilai pada hari ini menurut waktu daerah pemrakarsanya (WIB, WITA, atau WIT); judul menyebut tanggal menurut wilayah --region, atau menurut daerah penyimpanan bila itu kode wilayah, atau tanggal UTC.',
    },
    READ_ONLY_NOTE,
  ],
  async run(context) {
    const { values, io, json, wording } = context
    const region = regionValue(values, 'watchlist')
    const now = nowOf(context)
    const entries = await withReadOnlyStore(context, ['register'], (store) =>
      queryWatchlist(builtInReader(store.readModels), { now, ...(region === undefined ? {} : { region }) }),
    )
    if (json) {
      io.out(jsonText(entries))
      return EXIT.ok
    }
    const day = headingDay(now, region, context.selection.tenant)
    const word = (id: string, en: string): string => wording.text({ id, en })
    io.out(`${wording.heading({ id: `Daftar pantauan risiko seremonial per ${day}`, en: `Ceremonial-risk watchlist as of ${day}` })} (${entries.length})`)
    const table = renderTable(
      [
        { header: word('tingkat', 'severity'), fixed: true },
        { header: word('aturan', 'rule'), fixed: true },
        { header: word('kerja sama', 'agreement'), fixed: true },
        { header: word('sejak', 'since'), fixed: true },
        { header: word('alasan', 'reason') },
      ],
      entries.map((entry) => [wording.text(SEVERITY[entry.severity]), entry.code, entry.agreementId, entry.since, wording.text(entry.reason)]),
      tableWidth(io.columns),
    )
    for (const line of table) io.out(line)
    return EXIT.ok
  },
}
