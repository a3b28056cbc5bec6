import { z } from 'zod'
import { agreementCommandSchema, builtInGuards, commandRoleBasis, commandRoles, commandTypes, createAgreementService, guardMessage, defaultPolicy } from '../src'
import type { AgreementStatus, CommandType } from '../src'
import { agreementLifecycle, testClock } from '../src/testing'
import type { LifecycleVariant } from '../src/testing'
import { openMemoryStore } from '@kerjasama/store-memory'

/** What each command records, as an officer would say it. A new command fails typecheck here until it is described. */
const purpose: Record<CommandType, string> = {
  IdentifyCooperation: 'Records the object of cooperation, its kind, the potential it serves, the initiating region and unit, and the proposed partners (start of *persiapan*).',
  MapAffairs: 'Maps the urusan it touches, states the region’s authority, links the planning documents (RPJMD/RKPD/Renstra/Renja) and attaches the KAK (and, for KSDPK, the studi kelayakan).',
  AssessFeasibility: 'TKKSD’s verdict: *layak* or *tidak layak*.',
  SendOffer: 'The kepala daerah’s offer letter to the partners (*penawaran*).',
  RecordOfferResponse: 'A partner’s answer to the offer, recorded by that partner.',
  AgreeWorkPlan: 'The *rencana kerja*: actions with owner, due date and measurable output; duration, sector, funding, and whether it burdens the public or lies outside the current APBD (which calls for DPRD approval).',
  ReviewDraft: 'TKKSD’s discussion of a draft (KB, PKS or NK) before anyone signs it.',
  RequestDprdApproval: 'The kepala daerah’s request to the DPRD, stating purpose, rights and obligations, APBD contribution, benefit and burden on the public.',
  RecordDprdApproval: 'The DPRD’s decision on the request, with its reference and date.',
  SignKesepakatanBersama: 'One party’s signature of the Kesepakatan Bersama (KB); each party signs separately.',
  SignPerjanjianKerjaSama: 'One party’s signature of the Perjanjian Kerja Sama (PKS), after every party signed the KB.',
  SignNotaKesepakatan: 'One party’s signature of the Nota Kesepakatan (NK), for Sinergi with a ministry or agency.',
  StartAction: 'An action of the work plan has started.',
  CompleteAction: 'An action is completed, with evidence (a document reference, an http(s) URL or a file’s sha256).',
  RecordMonev: 'A monitoring-and-evaluation result: score on the public rubric, findings and recommendation.',
  Amend: 'An amendment (*adendum*) the parties signed: a description, the addendum’s reference, added actions or funding.',
  Extend: 'Opens an extension: the current term is superseded and coordination runs again.',
  Terminate: 'Ends the agreement early with a reason, or as superseded by a new one.',
  Expire: 'Records that the term has ended.',
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[]; const?: unknown; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; format?: string; minLength?: number; maxLength?: number; minItems?: number; maxItems?: number; minimum?: number; maximum?: number; pattern?: string }

function typeOf(schema: JsonSchema): string {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives !== undefined) return alternatives.map(typeOf).join(' or ')
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``
  if (schema.enum !== undefined) return schema.enum.map((value) => `\`${String(value)}\``).join(', ')
  if (schema.type === 'array') return `list of ${schema.items === undefined ? 'values' : typeOf(schema.items)}${bounds(schema.minItems, schema.maxItems, 'items')}`
  if (schema.type === 'object') return `object { ${Object.keys(schema.properties ?? {}).map((key) => `${key}${(schema.required ?? []).includes(key) ? '' : '?'}`).join(', ')} }`
  if (schema.type === 'string') return `${schema.format === undefined ? 'text' : schema.format}${bounds(schema.minLength, schema.maxLength, 'characters')}`
  if (schema.type === 'integer' || schema.type === 'number') return `${schema.type}${bounds(schema.minimum, schema.maximum, '')}`
  return String(schema.type ?? 'value')
}

function bounds(min: number | undefined, max: number | undefined, unit: string): string {
  if (min === undefined && max === undefined) return ''
  const range = min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥ ${min}` : `≤ ${max}`
  return ` (${range}${unit === '' ? '' : ` ${unit}`})`
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

const partyRule: Record<string, string> = {
  ACTOR_NOT_OF_INITIATING_REGION: 'an actor acting for the initiating region',
  ACTOR_NOT_OF_PARTY: 'the party concerned itself (`partyId` / `partnerId`): a region through its kepala daerah or kuasa holder, a partner through its own user',
  ACTOR_OUTSIDE_AGREEMENT: 'any party of the agreement, each for itself',
}

/** Each status change the good path and the endings make, found by running them, so the diagram is what the decider does. */
async function transitions(): Promise<Array<{ from: AgreementStatus; to: AgreementStatus; command: CommandType }>> {
  const found = new Map<string, { from: AgreementStatus; to: AgreementStatus; command: CommandType }>()
  const variants: LifecycleVariant[] = ['KSDPK', 'Sinergi']
  const endings: Array<CommandType | undefined> = [undefined, 'Extend', 'Terminate', 'Expire']
  for (const variant of variants) {
    for (const ending of endings) {
      const store = openMemoryStore()
      const clock = testClock('2022-02-22T02:00:00.000Z')
      const service = createAgreementService({ store, clock })
      const steps = agreementLifecycle(variant, { agreementId: 'a', start: clock() })
      let status: AgreementStatus = 'none'
      const record = async (command: Parameters<typeof service.execute>[0], actor: Parameters<typeof service.execute>[1]['actor']) => {
        await service.execute(command, { actor })
        const next = (await service.load('a')).status
        if (next !== status) found.set(`${status}>${next}>${command.type}`, { from: status, to: next, command: command.type })
        status = next
      }
      for (const step of steps) {
        clock.set(new Date(Date.parse('2022-02-22T02:00:00.000Z') + step.day * 86_400_000))
        await record(step.command, step.actor)
      }
      const region = steps[0]?.actor.actsFor ?? '33.05'
      if (ending === 'Extend') await record({ type: 'Extend', agreementId: 'a', reason: 'Monev merekomendasikan perpanjangan' }, { id: 'tkksd', role: 'tkksd', actsFor: region })
      if (ending === 'Terminate') await record({ type: 'Terminate', agreementId: 'a', reason: 'Para pihak sepakat mengakhiri' }, { id: 'bupati', role: 'kepala-daerah', actsFor: region })
      if (ending === 'Expire') {
        clock.set('2026-01-01T02:00:00.000Z')
        await record({ type: 'Expire', agreementId: 'a' }, { id: 'tkksd', role: 'tkksd', actsFor: region })
      }
    }
  }
  const order = ['none', 'identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated', 'ended']
  return [...found.values()].sort((a, b) => order.indexOf(a.from) - order.indexOf(b.from) || order.indexOf(a.to) - order.indexOf(b.to) || a.command.localeCompare(b.command))
}

/** docs/commands.md, rendered from the command schemas, the role table and the guards (pnpm docs:commands). */
export async function renderCommandsMarkdown(): Promise<string> {
  const lines: string[] = [
    '# Commands',
    '',
    '<!-- Generated from packages/core (command schemas, roles, guards) by `pnpm --filter @kerjasama/core docs:commands`. Do not edit by hand; test/commandsDocument.test.ts fails when it is stale. -->',
    '',
    'Every command an agreement accepts, with its fields, who may issue it, for which party, and which rules can',
    'refuse it. Commands are strict: a field not listed here is refused with `VALIDATION_FAILED` naming it. Rules',
    'are explained, with their legal basis, in [domain-rules.md](domain-rules.md). Issue a command with',
    '`service.execute(command, { actor: { id, role, actsFor } })`; `actsFor` is the party the actor speaks for (a',
    'region code such as `33.05`, or a partner’s `partnerId`).',
    '',
    '## Stages',
    '',
    'How commands move an agreement between the stages (found by running the good path and each ending through',
    'the decider; a status is derived from the recorded facts, so it is the last fact a stage needs that moves it):',
    '',
    '```mermaid',
    'stateDiagram-v2',
  ]
  for (const transition of await transitions()) lines.push(`  ${transition.from === 'none' ? '[*]' : transition.from} --> ${transition.to}: ${transition.command}`)
  lines.push('```', '', 'The diagram shows the good path and each ending from its last stage; `Terminate` ends an agreement from any stage, and `Extend`, `Amend` and `Expire` apply once it is signed (see `WRONG_STAGE`).', '')
  const schemas = new Map(agreementCommandSchema.options.map((option) => [option.shape.type.value as CommandType, option]))
  for (const type of commandTypes) {
    const schema = z.toJSONSchema(schemas.get(type) as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    const required = new Set(schema.required ?? [])
    const guards = builtInGuards.filter((guard) => guard.when.includes(type))
    const party = guards.map((guard) => partyRule[guard.code]).filter((rule): rule is string => rule !== undefined)
    lines.push(`## ${type}`, '', purpose[type], '')
    lines.push(`**Who:** ${commandRoles[type].map((role) => `\`${role}\``).join(', ')} — ${commandRoleBasis[type].source} (${commandRoleBasis[type].kind}).`, '')
    lines.push(`**For which party:** ${party.length === 0 ? 'no party rule beyond the role' : party.join('; ')}.`, '')
    lines.push('| field | required | type |', '|---|---|---|')
    for (const [name, field] of Object.entries(schema.properties ?? {})) {
      if (name === 'type') continue
      lines.push(`| \`${name}\` | ${required.has(name) ? 'yes' : 'no'} | ${cell(typeOf(field))} |`)
    }
    lines.push('', '**Rules that can refuse it:**', '', ...guards.map((guard) => `- [\`${guard.code}\`](domain-rules.md) — ${cell(guardMessage(guard, defaultPolicy).en)}`), '')
  }
  return `${lines.join('\n').trimEnd()}\n`
}
