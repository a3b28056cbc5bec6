import { z } from 'zod'
import { defaultPolicy, parseOrThrow } from '@kerjasama/core'

/**
 * The numbers the ceremonial-risk watchlist judges by. The first three are the
 * agreement policy's own (a region configures them once, for guards and
 * watchlist alike); the rest are the watchlist's, [policy] defaults of this
 * library that a region may set to its own guide.
 */
export type WatchlistPolicy = {
  /** A signed agreement with no action started this many days after signing is at risk. */
  actionStartWithinDays: number
  /** Longer than this many months without monev is at risk. */
  monevMaxGapMonths: number
  /** Fewer monev than this in a fiscal year the agreement was in force all through is at risk. */
  minMonevPerFiscalYear: number
  /** Every party signed the KB and no PKS followed within this many days. */
  pksWithinDaysOfKb: number
  /** The term ends within this many days and no monev recommended extending it. */
  expiringWithinDays: number
  /** An agreement still identified, mapped or coordinated this many days after reaching that stage. */
  stalledAfterDays: number
}

export const defaultWatchlistPolicy: WatchlistPolicy = Object.freeze({
  actionStartWithinDays: defaultPolicy.actionStartWithinDays,
  monevMaxGapMonths: defaultPolicy.monevMaxGapMonths,
  minMonevPerFiscalYear: defaultPolicy.minMonevPerFiscalYear,
  pksWithinDaysOfKb: 90,
  expiringWithinDays: 90,
  stalledAfterDays: 180,
})

const days = z.number().int().positive().max(3650)
// Loose, not strict: the agreement service's whole policy may be passed as it
// is, so one object configures guards and watchlist.
const watchlistPolicySchema = z.looseObject({
  actionStartWithinDays: days.optional(),
  monevMaxGapMonths: z.number().int().positive().max(120).optional(),
  minMonevPerFiscalYear: z.number().int().min(0).max(12).optional(),
  pksWithinDaysOfKb: days.optional(),
  expiringWithinDays: days.optional(),
  stalledAfterDays: days.optional(),
})

export function resolveWatchlistPolicy(partial: Partial<WatchlistPolicy> = {}): WatchlistPolicy {
  const valid = parseOrThrow(watchlistPolicySchema, partial, { id: 'kebijakan daftar pantauan', en: 'watchlist policy' })
  const pick = <K extends keyof WatchlistPolicy>(key: K): WatchlistPolicy[K] => (valid[key] as WatchlistPolicy[K] | undefined) ?? defaultWatchlistPolicy[key]
  return Object.freeze({
    actionStartWithinDays: pick('actionStartWithinDays'),
    monevMaxGapMonths: pick('monevMaxGapMonths'),
    minMonevPerFiscalYear: pick('minMonevPerFiscalYear'),
    pksWithinDaysOfKb: pick('pksWithinDaysOfKb'),
    expiringWithinDays: pick('expiringWithinDays'),
    stalledAfterDays: pick('stalledAfterDays'),
  })
}
