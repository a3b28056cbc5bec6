import { builtInGuards } from './guards'
import type { Guard } from './guards'

const basisLabel = { reg: 'reg', practice: 'practice', policy: 'policy' } as const

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function configurable(guard: Guard): string {
  if (guard.configurableBy !== undefined) return `yes: \`${guard.configurableBy.split(', ').join('`, `')}\``
  return guard.basis.kind === 'reg' ? 'no (only `policy.disabledGuards`, recorded)' : 'disable only (`policy.disabledGuards`, recorded)'
}

/** docs/domain-rules.md, rendered from the guards table so code and docs cannot drift. */
export function renderDomainRulesMarkdown(guards: readonly Guard[] = builtInGuards): string {
  const lines = [
    '# Domain rules',
    '',
    '<!-- Generated from packages/core/src/agreement/guards.ts by `cd packages/core && pnpm docs:rules`. Do not edit by hand. -->',
    '',
    'Every rule `decide` enforces, with its legal basis. **reg**: the regulations (PP 28/2018, Permendagri 22/2020 and',
    'related); **practice**: a Kemendagri statement or a regional guide; **policy**: this library’s own rule against',
    'ceremonial-only agreements. A refused command gets one `GuardViolation` (code `GUARD_VIOLATION`) listing every',
    'rule below that it broke, each with its code, message in Bahasa Indonesia and English, and basis.',
    '',
    'A region may add its own rules (`policy.extraGuards`). It may switch a built-in rule off only explicitly',
    '(`policy.disabledGuards`); every event written under such a policy records the disabled codes in its metadata.',
    '',
    'DPRD approval, where the plan triggers it, follows the Kesepakatan Bersama and precedes the Perjanjian Kerja Sama',
    '(for Sinergi: precedes the Nota Kesepakatan), in the order of Permendagri 22/2020: the kepala daerah sends the request',
    '(`RequestDprdApproval`), the DPRD’s decision is recorded against it. An agreement waiting for the DPRD is',
    '“coordinated”; it cannot become “signed” without the approval. “Implemented” needs an action completed with',
    'evidence, and “evaluated” a monev recorded after that; a monev of an agreement where nothing was done is kept, but the',
    'agreement stays “signed”.',
    '',
    '| code | applies to | aturan (Bahasa Indonesia) | rule (English) | basis | configurable? |',
    '|---|---|---|---|---|---|',
    ...guards.map((guard) =>
      `| \`${guard.code}\` | ${guard.when.length > 8 ? 'every command' : guard.when.join(', ')} | ${cell(guard.message.id)} | ${cell(guard.message.en)} | ${basisLabel[guard.basis.kind]}: ${cell(guard.basis.source)} | ${configurable(guard)} |`,
    ),
    '',
    '## Policy defaults',
    '',
    '| option | default | meaning |',
    '|---|---|---|',
    '| `maxYearsPublicService` | 5 | longest public-service cooperation, in years |',
    '| `maxYearsInfrastructure` | 25 | longest infrastructure cooperation, in years |',
    '| `firstActionWithinDays` | 90 | signing needs a work-plan action due within this many days |',
    '| `monevMaxGapMonths` | 6 | longer without monev puts a signed agreement on the ceremonial-risk watchlist (read models) |',
    '| `actionStartWithinDays` | 90 | a signed agreement with no action started this many days after signing goes on the watchlist (read models) |',
    '| `minMonevPerFiscalYear` | 2 | fewer monev results in a fiscal year puts an agreement on the watchlist (read models; one city’s rule) |',
    '| `monevScores` | 100, 75, 50, 0 | the evaluation rubric |',
    '| `offerReplyWithinDays` | off | days a partner has to answer the offer; no national day-count exists, so no deadline unless a region sets one |',
    '| `dprdDecisionWithinDays` | off | days the DPRD has to decide; once passed, the kepala daerah may ask again. No national day-count exists |',
    '| `isBordering` | none | `(a, b) => boolean` over region codes; required for KSDD-wajib (no adjacency data is bundled) |',
    '| `disabledGuards` | [] | built-in codes switched off, recorded in event metadata |',
    '| `extraGuards` | [] | a region’s own rules, same shape as the table above |',
    '',
    '## Reference data',
    '',
    '- **Urusan** (`findUrusan`, `isAbsoluteAffair`): the 32 urusan of UU 23/2014 with their planning codes (1.01–1.06 wajib',
    '  pelayanan dasar, 2.07–2.24 wajib non-pelayanan dasar, 3.25–3.32 pilihan); the supporting units 4.01, 4.02, 5.01–5.05 and',
    '  6.01, which are not urusan but may be mapped (the DPRD secretariat cooperating with universities maps to 4.02); and the',
    '  six absolute affairs, named by key (`pertahanan`), name or pseudo-code 0.01–0.06, which can never be mapped.',
    '- **Regions** (`findRegion`, `describeRegion`, `regionsOf`): Provinsi Jawa Tengah (33) and its 29 kabupaten and 6 kota',
    '  are bundled with names. Any other code of the form NN (province) or NN.NN is accepted as a valid region of unknown',
    '  name; its level follows the national numbering (NN.01–NN.69 kabupaten, NN.71–NN.99 kota; NN.00 and NN.70 are refused).',
    '  No adjacency data is bundled: kerja sama wajib needs `policy.isBordering`.',
    '',
  ]
  return lines.join('\n')
}
