import type { LocalizedMessage } from '@kerjasama/core'
import { addDays, addMonths, dayNumber } from '../calendarDays'
import { calendarDay, regionDayOf } from '../eventDates'
import type { RegisterEntry, Stage } from '../register/registerEntry'
import type { WatchlistPolicy } from './watchlistPolicy'

export type Severity = 'high' | 'medium' | 'low'

/** What a rule found: the first day the risk held, and facts for a UI. */
export type Finding = { since: string; details?: Record<string, unknown> }

/**
 * A watchlist rule as data, like a guard: a code, how grave, the judgement
 * and the reason in both languages quoting the region's own numbers. A rule
 * judges one register entry on one day; time passing is no event, so nothing
 * here is stored — every judgement is made at the moment it is asked.
 */
export type WatchlistRule = {
  code: string
  severity: Severity
  judge(entry: RegisterEntry, today: string, policy: WatchlistPolicy): Finding | undefined
  reason(policy: WatchlistPolicy, finding: Finding): LocalizedMessage
}

const running: readonly Stage[] = ['signed', 'implemented', 'evaluated']
const isRunning = (entry: RegisterEntry): boolean => running.includes(entry.stage)

/**
 * The day every party had signed, as the documents are dated: the rules count
 * from the day things happened, so a PKS signed on 30 June and entered on
 * 3 July starts its 90 days on 30 June.
 */
function signedOn(entry: RegisterEntry): string | undefined {
  return entry.term.signedOn ?? entry.stageDates.signed?.happenedOn ?? (entry.term.signedAt === undefined ? undefined : regionDayOf(entry.term.signedAt, entry.initiatingRegion))
}

/** A risk that begins once `days` whole days have passed since `from`: on the day after the last allowed one. */
function pastDays(from: string, days: number, today: string): Finding | undefined {
  const since = addDays(from, days + 1)
  return dayNumber(today) >= dayNumber(since) ? { since } : undefined
}

export const noActionStarted: WatchlistRule = {
  code: 'NO_ACTION_STARTED',
  severity: 'high',
  judge(entry, today, policy) {
    const signed = signedOn(entry)
    if (!isRunning(entry) || signed === undefined) return undefined
    if (entry.actions.some((action) => action.status !== 'planned')) return undefined
    const finding = pastDays(signed, policy.actionStartWithinDays, today)
    return finding === undefined ? undefined : { ...finding, details: { signedOn: signed, withinDays: policy.actionStartWithinDays } }
  },
  reason: (policy) => ({
    id: `Sudah ditandatangani, tetapi belum ada satu pun kegiatan yang dimulai dalam ${policy.actionStartWithinDays} hari sejak penandatanganan`,
    en: `Signed, but no action was started within ${policy.actionStartWithinDays} days of signing`,
  }),
}

export const actionOverdue: WatchlistRule = {
  code: 'ACTION_OVERDUE',
  severity: 'high',
  judge(entry, today) {
    if (!isRunning(entry)) return undefined
    const overdue = entry.actions
      .filter((action) => action.status !== 'completed' && dayNumber(calendarDay(action.dueDate)) < dayNumber(today))
      .map((action) => ({ actionId: action.actionId, description: action.description, dueDate: calendarDay(action.dueDate), owner: action.owner }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    const first = overdue[0]
    return first === undefined ? undefined : { since: addDays(first.dueDate, 1), details: { actions: overdue } }
  },
  reason: (_policy, finding) => {
    const count = (finding.details?.actions as unknown[] | undefined)?.length ?? 1
    return {
      id: `${count} kegiatan rencana kerja melewati tanggal jatuh tempo dan belum selesai`,
      en: `${count} work-plan action${count === 1 ? ' is' : 's are'} past due and not completed`,
    }
  },
}

export const kbWithoutPks: WatchlistRule = {
  code: 'KB_WITHOUT_PKS',
  severity: 'high',
  judge(entry, today, policy) {
    const kbSigned = entry.term.kbSignedOn ?? (entry.term.kbSignedAt === undefined ? undefined : regionDayOf(entry.term.kbSignedAt, entry.initiatingRegion))
    if (entry.stage !== 'coordinated' || kbSigned === undefined) return undefined
    const finding = pastDays(kbSigned, policy.pksWithinDaysOfKb, today)
    return finding === undefined ? undefined : { ...finding, details: { kbSignedOn: kbSigned, withinDays: policy.pksWithinDaysOfKb } }
  },
  reason: (policy) => ({
    id: `Kesepakatan Bersama sudah ditandatangani semua pihak, tetapi dalam ${policy.pksWithinDaysOfKb} hari belum ada Perjanjian Kerja Sama`,
    en: `Every party signed the Kesepakatan Bersama, but no Perjanjian Kerja Sama followed within ${policy.pksWithinDaysOfKb} days`,
  }),
}

export const monevOverdue: WatchlistRule = {
  code: 'MONEV_OVERDUE',
  severity: 'medium',
  judge(entry, today, policy) {
    const signed = signedOn(entry)
    if (!isRunning(entry) || signed === undefined) return undefined
    const last = entry.lastMonev?.happenedOn ?? signed
    const since = addDays(addMonths(last, policy.monevMaxGapMonths), 1)
    if (dayNumber(today) < dayNumber(since)) return undefined
    return { since, details: { lastMonevOn: entry.lastMonev?.happenedOn ?? null, signedOn: signed, maxGapMonths: policy.monevMaxGapMonths } }
  },
  reason: (policy) => ({
    id: `Tidak ada monitoring dan evaluasi selama lebih dari ${policy.monevMaxGapMonths} bulan`,
    en: `No monitoring and evaluation (monev) for more than ${policy.monevMaxGapMonths} months`,
  }),
}

export const tooFewMonev: WatchlistRule = {
  code: 'TOO_FEW_MONEV',
  severity: 'medium',
  // Judged for fiscal years (1 January – 31 December, as the APBD runs) that
  // have ended and that the agreement was in force for whole: the year it was
  // signed in is partial, and asking for two monev in its last weeks would
  // list careful regions beside ceremonial ones.
  judge(entry, today, policy) {
    const signed = signedOn(entry)
    if (policy.minMonevPerFiscalYear === 0 || signed === undefined || !isRunning(entry)) return undefined
    const firstYear = Number(signed.slice(0, 4)) + 1
    const lastEnded = Number(today.slice(0, 4)) - 1
    const endYear = entry.endDate === undefined ? lastEnded : Math.min(lastEnded, Number(entry.endDate.slice(0, 4)) - 1)
    const short: Array<{ year: number; held: number }> = []
    for (let year = firstYear; year <= endYear; year += 1) {
      const held = entry.monev.filter((monev) => monev.happenedOn.startsWith(`${year}-`)).length
      if (held < policy.minMonevPerFiscalYear) short.push({ year, held })
    }
    const latest = short.at(-1)
    return latest === undefined ? undefined : { since: `${latest.year + 1}-01-01`, details: { years: short, required: policy.minMonevPerFiscalYear } }
  },
  reason: (policy, finding) => {
    const years = ((finding.details?.years as Array<{ year: number }> | undefined) ?? []).map((item) => item.year).join(', ')
    return {
      id: `Monitoring dan evaluasi kurang dari ${policy.minMonevPerFiscalYear} kali dalam tahun anggaran ${years}`,
      en: `Fewer than ${policy.minMonevPerFiscalYear} monitoring and evaluation rounds in fiscal year ${years}`,
    }
  },
}

export const expiringWithoutExtension: WatchlistRule = {
  code: 'EXPIRING_WITHOUT_EXTENSION_ADVICE',
  severity: 'medium',
  judge(entry, today, policy) {
    if (!isRunning(entry) || entry.endDate === undefined) return undefined
    if (dayNumber(today) > dayNumber(entry.endDate)) return undefined
    const since = addDays(entry.endDate, -policy.expiringWithinDays)
    if (dayNumber(today) < dayNumber(since)) return undefined
    if (entry.monev.some((monev) => monev.recommendation === 'extend')) return undefined
    return { since, details: { endDate: entry.endDate, withinDays: policy.expiringWithinDays } }
  },
  reason: (policy, finding) => ({
    id: `Masa berlaku berakhir ${String(finding.details?.endDate)} (dalam ${policy.expiringWithinDays} hari) dan belum ada monev yang merekomendasikan perpanjangan`,
    en: `The term ends on ${String(finding.details?.endDate)} (within ${policy.expiringWithinDays} days) and no monev has recommended an extension`,
  }),
}

export const termPassedUnrecorded: WatchlistRule = {
  code: 'TERM_ENDED_UNRECORDED',
  severity: 'medium',
  judge(entry, today) {
    if (!isRunning(entry) || entry.endDate === undefined || dayNumber(today) <= dayNumber(entry.endDate)) return undefined
    return { since: addDays(entry.endDate, 1), details: { endDate: entry.endDate } }
  },
  reason: (_policy, finding) => ({
    id: `Masa berlaku berakhir ${String(finding.details?.endDate)}, tetapi berakhirnya maupun perpanjangannya belum dicatat`,
    en: `The term ended on ${String(finding.details?.endDate)}, but neither its end nor an extension has been recorded`,
  }),
}

export const expiredWithoutEvaluation: WatchlistRule = {
  code: 'EXPIRED_WITHOUT_EVALUATION',
  severity: 'high',
  judge(entry, today) {
    if (entry.monev.length > 0) return undefined
    const expired = entry.ended?.reason === 'expired'
    const pastEnd = isRunning(entry) && entry.endDate !== undefined && dayNumber(today) > dayNumber(entry.endDate)
    if (!expired && !pastEnd) return undefined
    const since = entry.endDate !== undefined ? addDays(entry.endDate, 1) : regionDayOf((entry.ended as { at: string }).at, entry.initiatingRegion)
    return { since, details: { endDate: entry.endDate ?? null } }
  },
  reason: () => ({
    id: 'Masa berlaku sudah berakhir tanpa satu kali pun monitoring dan evaluasi',
    en: 'The term has ended without a single monitoring and evaluation',
  }),
}

const earlyStages: readonly Stage[] = ['identified', 'mapped', 'coordinated']

export const stalledInStage: WatchlistRule = {
  code: 'STALLED_IN_STAGE',
  severity: 'low',
  judge(entry, today, policy) {
    if (!earlyStages.includes(entry.stage)) return undefined
    const reached = entry.stageDates[entry.stage]?.happenedOn
    if (reached === undefined) return undefined
    const finding = pastDays(reached, policy.stalledAfterDays, today)
    return finding === undefined ? undefined : { ...finding, details: { stage: entry.stage, since: reached, afterDays: policy.stalledAfterDays } }
  },
  reason: (policy, finding) => {
    const stage = String(finding.details?.stage)
    const stageId: Record<string, string> = { identified: 'teridentifikasi', mapped: 'terpetakan', coordinated: 'terkoordinasi' }
    return {
      id: `Tertahan pada tahap ${stageId[stage] ?? stage} lebih dari ${policy.stalledAfterDays} hari`,
      en: `Stuck at the ${stage} stage for more than ${policy.stalledAfterDays} days`,
    }
  },
}

/** Every rule, gravest first; the docs table is rendered from this list. */
export const watchlistRules: readonly WatchlistRule[] = Object.freeze([
  noActionStarted,
  actionOverdue,
  kbWithoutPks,
  expiredWithoutEvaluation,
  monevOverdue,
  tooFewMonev,
  expiringWithoutExtension,
  termPassedUnrecorded,
  stalledInStage,
])
