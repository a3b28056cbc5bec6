import type { VerifyProblem } from '@kerjasama/core'
import type { Command } from '../command'
import { EXIT } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { openAudit } from '../openAudit'
import { storeDescription } from '../storeDescription'
import { OUTPUT_OPTION_HELP, STORE_OPTION_HELP } from '../storeOptions'
import { countsText, englishNoun, outcomeText, problemLine } from '../verifyOutput'

type TenantResult = { tenant: string; streamsChecked: number; eventsChecked: number; problems: VerifyProblem[] }

export const verifyCommand: Command = {
  name: 'verify',
  summary: {
    id: 'memeriksa rantai hash setiap aliran di setiap daerah, hanya membaca',
    en: 'check the hash chain of every stream of every tenant, read-only',
  },
  options: {
    ...STORE_OPTION_HELP,
    tenant: { id: 'hanya daerah ini (bawaan: setiap daerah dalam berkas atau skema)', en: 'only this tenant (default: every tenant in the file or schema)' },
    ...OUTPUT_OPTION_HELP,
  },
  readOnly: true,
  notes: [
    {
      en: 'verify opens the store read-only: it never creates, migrates or changes a file or schema. A missing one is STORE_NOT_FOUND (exit 1). It prints each tenant it checked with its streams and events, and every problem found; any problem exits 1.',
      id: 'verify membuka penyimpanan hanya untuk membaca: tidak membuat, memigrasikan, atau mengubah berkas atau skema. Yang tidak ada dilaporkan STORE_NOT_FOUND (kode keluar 1). Setiap daerah yang diperiksa dicetak dengan jumlah aliran dan peristiwanya, beserta setiap masalah; satu masalah pun membuat kode keluar 1.',
    },
  ],
  async run({ selection, io, json, language, wording }) {
    const audit = await openAudit(selection, io.env)
    try {
      const present = await audit.tenants()
      const tenantWord = language === 'en' ? 'tenant' : 'daerah/tenant'
      if (!json) io.out(`${wording.heading({ id: 'Verifikasi rantai hash', en: 'Hash-chain verification' })}: ${storeDescription(selection, language)}, ${wording.heading({ id: 'hanya-baca', en: 'read-only' })}`)
      if (selection.tenant !== undefined && !present.includes(selection.tenant)) {
        if (json) io.out(jsonText({ ok: false, tenants: [], absent: selection.tenant, present }))
        else {
          const others = present.length === 0 ? wording.heading({ id: 'tidak ada', en: 'none' }) : present.join(', ')
          io.out(
            language === 'en'
              ? `  tenant ${selection.tenant}: not in this store (present: ${others})`
              : `  daerah/tenant ${selection.tenant}: tidak ada dalam penyimpanan ini / not in this store (yang ada / present: ${others})`,
          )
          io.out(`${wording.heading({ id: 'Ringkasan', en: 'Summary' })}: ${wording.heading({ id: 'tidak ada yang diperiksa', en: 'nothing was checked' })}`)
        }
        return EXIT.failure
      }
      const tenants = selection.tenant === undefined ? present : [selection.tenant]
      const results: TenantResult[] = []
      for (const tenant of tenants) {
        const report = await audit.verifyTenant(tenant)
        results.push({ tenant, streamsChecked: report.streamsChecked, eventsChecked: report.eventsChecked, problems: [...report.problems] })
        if (json) continue
        io.out(`  ${tenantWord} ${tenant}: ${countsText(report, language)} — ${outcomeText(report.problems.length, language)}`)
        for (const problem of report.problems) io.out(`    ${problemLine(problem, language)}`)
      }
      const total = {
        streamsChecked: results.reduce((sum, result) => sum + result.streamsChecked, 0),
        eventsChecked: results.reduce((sum, result) => sum + result.eventsChecked, 0),
        problems: results.reduce((sum, result) => sum + result.problems.length, 0),
      }
      if (json) io.out(jsonText({ ok: total.problems === 0, tenants: results, ...total }))
      else {
        const outcome = tenants.length === 0 ? wording.heading({ id: 'kosong', en: 'empty' }) : outcomeText(total.problems, language)
        const tenantsWord = language === 'en' ? englishNoun(tenants.length, 'tenant') : `daerah/${englishNoun(tenants.length, 'tenant')}`
        io.out(`${wording.heading({ id: 'Ringkasan', en: 'Summary' })}: ${tenants.length} ${tenantsWord}, ${countsText(total, language)} — ${outcome}`)
      }
      return total.problems === 0 ? EXIT.ok : EXIT.failure
    } finally {
      await audit.close()
    }
  },
}
