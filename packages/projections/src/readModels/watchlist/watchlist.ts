import type { LocalizedMessage, ReadModelReader } from '@kerjasama/core'
import { today as dayOfNow } from '../calendarDays'
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
 * Judges entries on the day `now` falls on (UTC), worst first: gravest
 * severity, then the longest-standing risk, then the agreement id so equal
 * entries always come in one order.
 */
export function judgeWatchlist(entries: Iterable<RegisterEntry>, now: Date, policy: WatchlistPolicy, rules: readonly WatchlistRule[] = watchlistRules): WatchlistEntry[] {
  const day = dayOfNow(now)
  const found: WatchlistEntry[] = []
  for (const entry of entries) {
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

/** The ceremonial-risk watchlist as it stands at `now`, from the register. */
export async function queryWatchlist(reader: ReadModelReader, query: WatchlistQuery): Promise<WatchlistEntry[]> {
  const policy = resolveWatchlistPolicy(query.policy)
  const entries: RegisterEntry[] = []
  for await (const entry of allRegisterEntries(reader, query.region === undefined ? {} : { region: query.region })) entries.push(entry)
  return judgeWatchlist(entries, query.now, policy)
}
