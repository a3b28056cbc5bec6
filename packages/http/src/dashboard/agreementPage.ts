import { z } from 'zod'
import { AgreementNotFound } from '@kerjasama/core'
import type { ActionProgress, PlanningDocument } from '@kerjasama/core'
import { REGISTER_COLLECTION, agreementDocumentId, judgeWatchlist, queryTimeline, resolveWatchlistPolicy } from '@kerjasama/projections'
import type { MonevEntry, RegisterEntry, TimelineEntry, WatchlistEntry } from '@kerjasama/projections'
import { dayText, numberText, regionText } from './displayFormats'
import type { DashboardSource } from './dashboardSource'
import { html, safeHref } from './html'
import type { Html, Interpolation } from './html'
import { layout } from './layout'
import { monevChart } from './monevChart'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { hrefTo } from './pageLinks'
import { languageParameter } from './pageQuery'
import { table } from './table'
import {
  actionStatusNames, endReasonNames, kindNames, partnerKindNames, recommendationNames, roleNames, sectorNames, severityNames, stageNames, termLabel, termPeriod, termYears, text,
} from './text'

export const agreementPageParameters = z.strictObject({ id: z.string().min(1).max(100) })
/** `tenant` only for a province's reader, whose register lists its kabupaten/kota's agreements too. */
export const agreementPageQuery = z.strictObject({ tenant: z.string().trim().min(1).max(64).optional(), ...languageParameter })
export type AgreementPageQuery = z.output<typeof agreementPageQuery>

export type AgreementPageData = { entry: RegisterEntry; timeline: TimelineEntry[]; risks: WatchlistEntry[] }

export async function loadAgreement(source: DashboardSource, agreementId: string, query: AgreementPageQuery, now: Date): Promise<AgreementPageData> {
  const tenant = query.tenant ?? source.tenant
  const entry = (await source.reader.get(REGISTER_COLLECTION, agreementDocumentId(tenant, agreementId))) as unknown as RegisterEntry | undefined
  if (entry === undefined) throw new AgreementNotFound(agreementId)
  const timeline = await queryTimeline(source.reader, { tenant, agreementId })
  return { entry, timeline: timeline?.entries ?? [], risks: judgeWatchlist([entry], now, resolveWatchlistPolicy(source.watchlistPolicy)) }
}

const localizedOr = (names: Record<string, { id: string; en: string }>, key: string): { id: string; en: string } => names[key] ?? { id: key, en: key }

function evidenceOf(page: PageContext, action: ActionProgress): Interpolation {
  const evidence = action.evidence
  if (evidence === undefined) return html`<span class="muted">${t(page, text.noEvidence)}</span>`
  if (evidence.kind === 'document') return evidence.reference
  if (evidence.kind === 'url') {
    const href = safeHref(evidence.url)
    return href === undefined ? evidence.url : html`<a href="${href}" rel="noopener noreferrer">${evidence.url}</a>`
  }
  return html`${t(page, text.evidenceFile)} ${evidence.name ?? ''} <code class="hash">sha256:${evidence.sha256}</code>`
}

function summary(page: PageContext, entry: RegisterEntry): Html {
  const duration = entry.term.duration
  const termText =
    duration === undefined ? '—' : 'years' in duration ? t(page, termYears(duration.years)) : t(page, termPeriod(String(duration.start).slice(0, 10), String(duration.end).slice(0, 10)))
  const item = (label: string, value: Interpolation): Html => html`<div class="summary__row"><dt>${label}</dt><dd>${value}</dd></div>`
  return html`<dl class="summary">
${item(t(page, text.agreementKind), html`${t(page, localizedOr(kindNames, entry.kind))} (${entry.kind})`)}
${item(t(page, text.stage), html`<span class="tag stage-tag-${entry.stage}">${t(page, stageNames[entry.stage])}</span>`)}
${item(t(page, text.initiatingRegion), regionText(page, entry.initiatingRegion))}
${item(t(page, text.initiatingUnit), entry.initiatingUnit || '—')}
${item(t(page, text.potential), entry.potential ?? '—')}
${item(t(page, text.term), html`${t(page, termLabel(entry.term.number))}: ${termText}`)}
${item(t(page, text.sector), entry.term.sector === undefined ? '—' : t(page, localizedOr(sectorNames, entry.term.sector)))}
${item(t(page, text.funding), entry.term.funding ?? '—')}
${item(t(page, text.signedOn), dayText(page, entry.stageDates.signed?.happenedOn ?? entry.term.signedAt))}
${item(t(page, text.endDate), dayText(page, entry.endDate))}
${entry.ended === undefined ? '' : item(t(page, text.endedHow), html`${t(page, localizedOr(endReasonNames, entry.ended.reason))}${entry.ended.note === undefined ? '' : html` — ${entry.ended.note}`}`)}
</dl>`
}

/** One agreement: who, what it touches, the plans it serves, the work plan with evidence, monev, current risks and the timeline. */
export function agreementPage(page: PageContext, data: AgreementPageData): Html {
  const { entry } = data
  // Who acted for whom, by name: a partner by the name it was recorded with, a region by the directory's.
  const partnerNames = new Map(entry.partners.map((partner) => [partner.partnerId, partner.name]))
  const partyName = (party: string): string => partnerNames.get(party) ?? regionText(page, party)
  type Party = { name: string; kind: string; code: string }
  const parties: Party[] = [
    { name: regionText(page, entry.initiatingRegion), kind: t(page, text.initiator), code: entry.initiatingRegion },
    ...entry.partners.map((partner) => ({ name: partner.name, kind: t(page, localizedOr(partnerKindNames, partner.kind)), code: partner.regionCode ?? partner.partnerId })),
  ]
  const partiesTable = table<Party>({
    id: 'parties',
    caption: t(page, text.partiesCaption),
    columns: [
      { header: t(page, text.partyName), cell: (party) => party.name, rowHeader: true },
      { header: t(page, text.partyKind), cell: (party) => party.kind },
      { header: t(page, text.partyCode), cell: (party) => party.code },
    ],
    rows: parties,
    empty: '—',
  })
  const urusanTable = table<{ code: string; name: string }>({
    id: 'urusan',
    caption: t(page, text.urusanCaption),
    columns: [
      { header: t(page, text.urusanCode), cell: (urusan) => urusan.code, rowHeader: true },
      { header: t(page, text.urusanName), cell: (urusan) => urusan.name },
    ],
    rows: entry.urusan,
    empty: t(page, text.urusanEmpty),
  })
  const planningTable = table<PlanningDocument>({
    id: 'planning',
    caption: t(page, text.planningCaption),
    columns: [
      { header: t(page, text.planningKind), cell: (document) => document.kind, rowHeader: true },
      { header: t(page, text.planningReference), cell: (document) => document.reference },
    ],
    rows: entry.planningDocuments,
    empty: t(page, text.planningEmpty),
  })
  const workPlan = table<ActionProgress>({
    id: 'work-plan',
    caption: t(page, text.workPlanCaption),
    columns: [
      { header: t(page, text.description), cell: (action) => action.description, rowHeader: true },
      { header: t(page, text.owner), cell: (action) => action.owner },
      { header: t(page, text.dueDate), cell: (action) => dayText(page, action.dueDate) },
      { header: t(page, text.output), cell: (action) => html`${action.output}${action.outputAchieved === undefined ? '' : html`<span class="cell-detail">${t(page, text.outputAchieved)}: ${action.outputAchieved}</span>`}` },
      { header: t(page, text.actionState), cell: (action) => html`<span class="tag action-${action.status}">${t(page, localizedOr(actionStatusNames, action.status))}</span>` },
      { header: t(page, text.evidence), cell: (action) => evidenceOf(page, action) },
    ],
    rows: entry.actions,
    empty: t(page, text.workPlanEmpty),
  })
  const monevTable = table<MonevEntry>({
    id: 'monev',
    caption: t(page, text.monevCaption),
    columns: [
      { header: t(page, text.heldOn), cell: (monev) => dayText(page, monev.happenedOn), rowHeader: true },
      { header: t(page, text.score), cell: (monev) => numberText(page, monev.score), numeric: true },
      { header: t(page, text.recommendation), cell: (monev) => t(page, localizedOr(recommendationNames, monev.recommendation)) },
      { header: t(page, text.findings), cell: (monev) => monev.findings },
    ],
    rows: entry.monev,
    empty: t(page, text.monevEmpty),
  })
  const scoresChart =
    entry.monev.length === 0
      ? ''
      : monevChart(page, [{ label: entry.object, points: entry.monev.map((monev) => ({ day: monev.happenedOn, value: monev.score })) }])
  const risks = table<WatchlistEntry>({
    id: 'risks',
    caption: t(page, text.risksCaption),
    columns: [
      { header: t(page, text.reason), cell: (risk) => risk.reason[page.lang], rowHeader: true },
      { header: t(page, text.severity), cell: (risk) => html`<span class="tag severity-${risk.severity}">${t(page, severityNames[risk.severity])}</span>` },
      { header: t(page, text.since), cell: (risk) => dayText(page, risk.since) },
    ],
    rows: data.risks,
    empty: t(page, text.risksEmpty),
  })
  const timeline = table<TimelineEntry>({
    id: 'timeline',
    caption: t(page, text.timelineCaption),
    columns: [
      { header: t(page, text.happenedOn), cell: (step) => dayText(page, step.happenedOn), rowHeader: true },
      { header: t(page, text.step), cell: (step) => step.what[page.lang] },
      { header: t(page, text.who), cell: (step) => html`${t(page, localizedOr(roleNames, step.who.role))}${step.who.actsFor === undefined ? '' : html` — ${partyName(step.who.actsFor)}`}` },
      { header: t(page, text.term), cell: (step) => numberText(page, step.term), numeric: true },
    ],
    rows: data.timeline,
    empty: t(page, text.timelineEmpty),
  })
  return layout(page, {
    title: entry.object,
    before: html`<p class="back"><a href="${hrefTo(page, '/')}">${t(page, text.backToRegister)}</a></p>`,
    body: html`<h2>${t(page, text.agreementSummary)}</h2>
${summary(page, entry)}
${risks}
<h2>${t(page, text.partiesAndAffairs)}</h2>
${partiesTable}
${urusanTable}
${planningTable}
<h2>${t(page, text.implementation)}</h2>
${workPlan}
${monevTable}
${scoresChart}
<h2>${t(page, text.timelineTitle)}</h2>
${timeline}`,
  })
}
