import { resolve } from 'node:path'
import type { Command } from '../command'
import { EXIT } from '../exitCodes'
import { openAudit } from '../openAudit'
import { STORE_OPTION_HELP } from '../storeOptions'
import type { StoreSelection } from '../storeOptions'
import { countsText, outcomeText, problemLine } from '../verifyOutput'

export const verifyCommand: Command = {
  name: 'verify',
  summary: {
    id: 'memeriksa rantai hash setiap aliran di setiap daerah, hanya membaca',
    en: 'check the hash chain of every stream of every tenant, read-only',
  },
  options: {
    ...STORE_OPTION_HELP,
    tenant: { id: 'hanya daerah ini (bawaan: setiap daerah dalam berkas atau skema)', en: 'only this tenant (default: every tenant in the file or schema)' },
  },
  notes: [
    {
      en: 'verify opens the store read-only: it never creates, migrates or changes a file or schema. A missing one is STORE_NOT_FOUND (exit 1). It prints each tenant it checked with its streams and events, and every problem found; any problem exits 1.',
      id: 'verify membuka penyimpanan hanya untuk membaca: tidak membuat, memigrasikan, atau mengubah berkas atau skema. Yang tidak ada dilaporkan STORE_NOT_FOUND (kode keluar 1). Setiap daerah yang diperiksa dicetak dengan jumlah aliran dan peristiwanya, beserta setiap masalah; satu masalah pun membuat kode keluar 1.',
    },
  ],
  async run({ selection, io }) {
    const audit = await openAudit(selection, io.env)
    try {
      const present = await audit.tenants()
      io.out(`Verifikasi rantai hash / Hash-chain verification: ${describeStore(selection)}, hanya-baca / read-only`)
      if (selection.tenant !== undefined && !present.includes(selection.tenant)) {
        const others = present.length === 0 ? 'tidak ada / none' : present.join(', ')
        io.out(`  daerah/tenant ${selection.tenant}: tidak ada dalam penyimpanan ini / not in this store (yang ada / present: ${others})`)
        io.out('Ringkasan / Summary: tidak ada yang diperiksa / nothing was checked')
        return EXIT.failure
      }
      const tenants = selection.tenant === undefined ? present : [selection.tenant]
      const total = { streamsChecked: 0, eventsChecked: 0, problems: 0 }
      for (const tenant of tenants) {
        const report = await audit.verifyTenant(tenant)
        io.out(`  daerah/tenant ${tenant}: ${countsText(report)} — ${outcomeText(report.problems.length)}`)
        for (const problem of report.problems) io.out(`    ${problemLine(problem)}`)
        total.streamsChecked += report.streamsChecked
        total.eventsChecked += report.eventsChecked
        total.problems += report.problems.length
      }
      const outcome = tenants.length === 0 ? 'kosong / empty' : outcomeText(total.problems)
      io.out(`Ringkasan / Summary: ${tenants.length} daerah/tenants, ${countsText(total)} — ${outcome}`)
      return total.problems === 0 ? EXIT.ok : EXIT.failure
    } finally {
      await audit.close()
    }
  },
}

function describeStore(selection: StoreSelection): string {
  if (selection.store === 'sqlite') return `sqlite ${resolve(selection.file)}`
  if (selection.store === 'postgres') return `postgres, skema/schema ${selection.schema}`
  return 'memory'
}
