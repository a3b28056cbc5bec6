import { allRegisterEntries, builtInReader, registerFilterSchema } from '@kerjasama/projections'
import type { RegisterEntry, RegisterFilter } from '@kerjasama/projections'
import type { Command } from '../command'
import { EXIT } from '../exitCodes'
import { regionValue, urusanValue } from '../filterCodes'
import { jsonText } from '../jsonOutput'
import { choiceValue } from '../optionValues'
import { READ_ONLY_NOTE, withReadOnlyStore } from '../readCommand'
import { commandOptions } from '../storeOptions'
import { renderTable, tableWidth } from '../tableLayout'

const STAGES = registerFilterSchema.shape.stage.unwrap().options

export const registerCommand: Command = {
  name: 'register',
  summary: { id: 'register kerja sama, dapat disaring menurut wilayah, urusan, dan tahap; hanya membaca', en: 'the agreement register, filtered by region, urusan and stage, read-only' },
  options: commandOptions({
    region: { id: 'hanya kerja sama yang diikuti wilayah ini (memprakarsai atau sebagai mitra daerah), mis. 33.05', en: 'only agreements this region takes part in (initiating or as a daerah partner), e.g. 33.05' },
    urusan: { id: 'hanya kerja sama dengan urusan ini, mis. 2.17', en: 'only agreements mapped to this urusan, e.g. 2.17' },
    stage: { id: `hanya kerja sama pada tahap ini: ${STAGES.join(', ')}`, en: `only agreements at this stage: ${STAGES.join(', ')}` },
  }),
  readOnly: true,
  notes: [
    {
      en: 'Newest identification first. --json prints every matching entry as the read model holds it, without the decider’s internal state.',
      id: 'Yang paling baru diidentifikasi lebih dulu. --json mencetak setiap entri yang cocok sebagaimana disimpan model baca, tanpa keadaan internal pemutus.',
    },
    READ_ONLY_NOTE,
  ],
  async run(context) {
    const { values, io, json, wording } = context
    const filter: RegisterFilter = {}
    const region = regionValue(values, 'register')
    const urusan = urusanValue(values, 'register')
    const stage = choiceValue(values, 'stage', STAGES, 'register')
    if (region !== undefined) filter.region = region
    if (urusan !== undefined) filter.urusan = urusan
    if (stage !== undefined) filter.stage = stage
    const entries = await withReadOnlyStore(context, ['register'], async (store) => {
      const found: RegisterEntry[] = []
      for await (const entry of allRegisterEntries(builtInReader(store.readModels), filter)) found.push(entry)
      return found
    })
    if (json) {
      io.out(jsonText(entries.map(({ state: _state, ...entry }) => entry)))
      return EXIT.ok
    }
    const word = (id: string, en: string): string => wording.text({ id, en })
    io.out(`${wording.heading({ id: 'Register kerja sama', en: 'Agreement register' })} (${entries.length})`)
    const table = renderTable(
      [
        { header: word('kerja sama', 'agreement'), fixed: true },
        { header: word('tahap', 'stage'), fixed: true },
        { header: word('jenis', 'kind'), fixed: true },
        { header: word('wilayah', 'region'), fixed: true },
        { header: 'urusan', fixed: true },
        { header: word('tenggat', 'next due'), fixed: true },
        { header: word('objek', 'object') },
      ],
      entries.map((entry) => [entry.agreementId, entry.stage, entry.kind, entry.initiatingRegion, entry.urusanCodes.join(' '), entry.nextDueDate ?? '—', entry.object]),
      tableWidth(io.columns),
    )
    for (const line of table) io.out(line)
    return EXIT.ok
  },
}
