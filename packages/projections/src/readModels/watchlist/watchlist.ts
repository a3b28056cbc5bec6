import { z } from 'zod'
import { parseOrThrow, regionToday } from '@kerjasama/core'
import type { LocalizedMessage, ReadModelReader } from '@kerjasama/core'
import { allRegisterEntries } from '../register/registerQuery'
import type { RegisterEntry, Stage } from '../register/registerEntry'
import { resolveWatchlistPolicy } from './watchlistPolicy'
import type { WatchlistPolicy } from './watchlistPolicy'
import { watchlistRules } from './watchlistRules'
import type { Severity, WatchlistRule } from './watchlistRules'

export type WatchlistEntry = {
  agreementId: string
  tenant: string
  object: string
  initiatingRegion: string
  stage: Stage
  code: string
  severity: Severity
  /** The first day the risk held (YYYY-MM-DD). */
  since: string
  reason: LocalizedMessage
  details: Record<string, unknown>
}

const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 }

/**
 * When the watchlist is judged. An instant: each entry on its initiating
 * region's today at that instant (WIB, WITA or WIT), as the region's
 * officers count days — at 08:30 in Jayapura an action due yesterday is past
 * due, though UTC is still on yesterday. `{ day }`: every entry on that
 * calendar day, as an "as of" read asks for the date the user named.
 */
export type JudgedAt = Date | { day: string }

const judgedDaySchema = z.strictObject({ day: z.iso.date() })

/**
 * Judges entries on their day (see JudgedAt), worst first: gravest
 * severity, then the longest-standing risk, then the agreement id so equal
 * entries always come in one order.
 */
export function judgeWatchlist(entries: Iterable<RegisterEntry>, at: JudgedAt, policy: WatchlistPolicy, rules: readonly WatchlistRule[] = watchlistRules): WatchlistEntry[] {
  const fixed = at instanceof Date ? undefined : parseOrThrow(judgedDaySchema, at, { id: 'hari penilaian daftar pantauan', en: 'watchlist judgement day' }).day
  const found: WatchlistEntry[] = []
  for (const entry of entries) {
    const day = fixed ?? regionToday(at as Date, entry.initiatingRegion)
    for (const rule of rules) {
      const finding = rule.judge(entry, day, policy)
      if (finding === undefined || finding.since > day) continue
      found.push({
        agreementId: entry.agreementId,
        tenant: entry.tenant,
        object: entry.object,
        initiatingRegion: entry.initiatingRegion,
        stage: entry.stage,
        code: rule.code,
        severity: rule.severity,
        since: finding.since,
        reason: rule.reason(policy, finding),
        details: finding.details ?? {},
      })
    }
  }
  return found.sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.since.localeCompare(b.since) || a.agreementId.localeCompare(b.agreementId) || a.code.localeCompare(b.code),
  )
}

export type WatchlistQuery = {
  /** The instant judged; from the caller's clock, never read here. */
  now: Date
  policy?: Partial<WatchlistPolicy>
  /** Only agreements this region takes part in. */
  region?: string
}

/** The ceremonial-risk watchlist as it stands at `now`, from the register: each agreement judged on its initiating region's today. */
export async function queryWatchlist(reader: ReadModelReader, query: WatchlistQuery): Promise<WatchlistEntry[]> {
  const { now, ...filter } = query
  return watchlistFrom(reader, filter, now)
}

/** The register's entries (of the region, when one is given) judged at `at`. */
export async function watchlistFrom(reader: ReadModelReader, filter: Omit<WatchlistQuery, 'now'>, at: JudgedAt): Promise<WatchlistEntry[]> {
  const policy = resolveWatchlistPolicy(filter.policy)
  const entries: RegisterEntry[] = []
  for await (const entry of allRegisterEntries(reader, filter.region === undefined ? {} : { region: filter.region })) entries.push(entry)
  return judgeWatchlist(entries, at, policy)
}
