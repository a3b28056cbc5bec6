import { commandTypes } from './commands'
import { guardMessage } from './guard'
import { builtInGuards } from './guards'
import type { Guard } from './guards'
import { defaultPolicy } from './policy'
import { commandRoleBasis, commandRoles, roles } from './roles'

const basisLabel = { reg: 'reg', practice: 'practice', policy: 'policy' } as const

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function configurable(guard: Guard): string {
  if (guard.configurableBy !== undefined) return `yes: \`${guard.configurableBy.split(', ').join('`, `')}\``
  return guard.basis.kind === 'reg' ? 'no (only `policy.disabledGuards`, recorded)' : 'disable only (`policy.disabledGuards`, recorded)'
}

function appliesTo(guard: Guard): string {
  return commandTypes.every((type) => guard.when.includes(type)) ? 'every command' : guard.when.join(', ')
}

/**
 * docs/domain-rules.md, rendered from the guards table so code and docs cannot
 * drift. Messages that quote the region's numbers are shown with the defaults.
 */
export function renderDomainRulesMarkdown(guards: readonly Guard[] = builtInGuards): string {
  const lines = [
    '# Domain rules',
    '',
    '<!-- Generated from packages/core/src/agreement/guards.ts by `cd packages/core && pnpm docs:rules`. Do not edit by hand. -->',
    '',
    'Every rule `decide` enforces, with its legal basis. **reg**: the regulations (PP 28/2018, Permendagri 22/2020 and',
    'related); **practice**: a Kemendagri statement or a regional guide; **policy**: this library’s own rule against',
    'ceremonial-only agreements. A refused command gets one `GuardViolation` (code `GUARD_VIOLATION`) listing every',
    'rule below that it broke, each with its code, message in Bahasa Indonesia and English, and basis. Messages that',
    'quote a number the region may change are shown here with the defaults; a refused officer reads the region’s own.',
    '',
    'Every refusal has the same shape, so an app renders them alike: the error’s `violations` list entries',
    '`{ code, message: { id, en }, basis, details }`. `GUARD_VIOLATION` lists the broken rules below; `NOT_AUTHORIZED` one',
    'entry (`ROLE_NOT_ALLOWED`) whose basis is the role rule in the table of roles; `VALIDATION_FAILED` one entry per',
    'field, with `details.path` (commands are strict: an unknown field is refused as `FIELD_UNKNOWN`, never dropped);',
    '`AGREEMENT_NOT_FOUND` a command other than `IdentifyCooperation` on an agreement that has no events;',
    '`AGREEMENT_OUTSIDE_TENANT` an agreement the store’s region is no party to. Nothing is written on any refusal.',
    '',
    'Every actor names the party it acts for (`actsFor`): a region code such as `33.05` for the region’s officers, a',
    '`partnerId` for a partner’s user (for a daerah partner its region code counts too). The `ACTOR_*` rules tie each',
    'command to that party.',
    '',
    'A region may add its own rules (`policy.extraGuards`). It may switch a built-in rule off only explicitly',
    '(`policy.disabledGuards`); every event written under such a policy records the disabled codes in its metadata.',
    '',
    'DPRD approval, where the plan triggers it, follows the Kesepakatan Bersama and precedes the Perjanjian Kerja Sama',
    '(for Sinergi: precedes the Nota Kesepakatan), in the order of Permendagri 22/2020: the kepala daerah sends the request',
    '(`RequestDprdApproval`), the DPRD’s decision is recorded against it. An agreement waiting for the DPRD is',
    '“coordinated”; it cannot become “signed” without the approval. “Implemented” needs an action completed with',
    'evidence, and “evaluated” a monev held after that; a monev of an agreement where nothing was done is kept, but the',
    'agreement stays “signed”.',
    '',
    'Signings, the start and completion of an action, and a monev name the day they happened (`occurredOn`, a calendar',
    'date; when left out, today on the initiating region’s clock: WIB, WITA or WIT by its province), which may be earlier',
    'than the day they are recorded. That day may not be after today — after the latest day begun anywhere in Indonesia,',
    'so a partner in WIT is never refused its own today (`OCCURRED_IN_FUTURE`) — nor before the step it follows',
    '(`OCCURRED_BEFORE_PREVIOUS_STEP`), as the DPRD’s `decidedOn` may not fall outside its request and today. The rules',
    'that count days from the signing (`NO_ACTION_DUE_SOON`, a',
    'term in years, the watchlist) count from the day the last party signed; “evaluated” compares the days the work and',
    'the monev happened.',
    '',
    '| code | applies to | aturan (Bahasa Indonesia) | rule (English) | basis | configurable? |',
    '|---|---|---|---|---|---|',
    ...guards.map((guard) =>
      `| \`${guard.code}\` | ${appliesTo(guard)} | ${cell(guardMessage(guard, defaultPolicy).id)} | ${cell(guardMessage(guard, defaultPolicy).en)} | ${basisLabel[guard.basis.kind]}: ${cell(guard.basis.source)} | ${configurable(guard)} |`,
    ),
    '',
    '## Roles',
    '',
    'Roles: ' + roles.map((role) => `\`${role}\``).join(', ') + '. Who may issue each command (else `NOT_AUTHORIZED`):',
    '',
    '| command | roles | basis |',
    '|---|---|---|',
    ...commandTypes.map((type) => `| ${type} | ${commandRoles[type].join(', ')} | ${basisLabel[commandRoleBasis[type].kind]}: ${cell(commandRoleBasis[type].source)} |`),
    '',
    '## Policy defaults',
    '',
    '| option | default | meaning |',
    '|---|---|---|',
    `| \`maxYearsPublicService\` | ${defaultPolicy.maxYearsPublicService} | longest public-service cooperation, in years |`,
    `| \`maxYearsInfrastructure\` | ${defaultPolicy.maxYearsInfrastructure} | longest infrastructure cooperation, in years |`,
    `| \`firstActionWithinDays\` | ${defaultPolicy.firstActionWithinDays} | signing needs a work-plan action due within this many days |`,
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
    '- **Regions** (the service option `regions`, a `RegionDirectory`; see [regions.md](regions.md)): by default the bundled',
    '  table of Provinsi Jawa Tengah (33) and its 29 kabupaten and 6 kota, where a Jawa Tengah code outside the table is no',
    '  region and a code of another province of the form NN or NN.NN is accepted as a region of unknown name. With the',
    '  national directory of `@kerjasama/regions-id` (idn-area-data, Kepmendagri 300.2.2-2138/2025) every code it does not',
    '  list is refused. Levels follow the national numbering (NN.01–NN.69 kabupaten, NN.71–NN.99 kota; NN.00 and NN.70 are',
    '  never regions). No adjacency data is bundled: kerja sama wajib needs `policy.isBordering`.',
    '',
  ]
  return lines.join('\n')
}
