import { SUBJECT_NAMES } from '../subjects/benchSubject'
import type { SubjectName } from '../subjects/benchSubject'
import { WORKLOAD_IDS } from '../workloads/workload'
import type { WorkloadId } from '../workloads/workload'
import { FULL_SIZES, quickSizes } from '../workloads/workloadSizes'
import type { WorkloadSizes } from '../workloads/workloadSizes'

export type RunOptions = {
  quick: boolean
  rounds: number
  sizes: WorkloadSizes
  subjects: SubjectName[]
  workloads: WorkloadId[]
  /** Per budgeted workload, ms per process; undefined with --no-budget. */
  budgetsMs: Partial<Record<WorkloadId, number>> | undefined
  installPeers: boolean
  peerTimeoutMs: number
  /** Whether docs/performance.md is rewritten (full runs of every subject and workload; --doc forces it). */
  writeDoc: boolean
}

/**
 * Per process. The disk-bound writes (W1, W2, W7, W8) and W3 are stopped at
 * a few seconds, which is enough for a steady rate; the reads (W4, W6) and
 * the rebuild (W5) get long enough to finish unless a subject is far slower
 * than the others, so that one slow subject cannot hold the run for an hour.
 */
const FULL_BUDGETS_MS: Partial<Record<WorkloadId, number>> = { W1: 3_000, W2: 3_000, W3: 3_000, W4: 10_000, W5: 20_000, W6: 15_000, W7: 3_000, W8: 3_000 }
const QUICK_BUDGETS_MS: Partial<Record<WorkloadId, number>> = { W1: 1_000, W2: 1_000, W3: 1_000, W4: 5_000, W5: 8_000, W6: 8_000, W7: 1_000, W8: 1_000 }

export const USAGE = `pnpm bench [--quick] [--rounds=N] [--subjects=a,b] [--workloads=W1,W4] [--no-budget] [--no-peers] [--peer-timeout=SECONDS] [--doc]
  --quick         a tenth of every size, 1 round, short budgets (CI runs this)
  --rounds=N      processes per figure (default 3; 1 with --quick)
  --subjects=...  ${SUBJECT_NAMES.join(', ')}
  --workloads=... ${WORKLOAD_IDS.join(', ')}
  --no-budget     run the write workloads to their full size instead of stopping at a time budget
  --no-peers      do not install Emmett (it is reported unavailable unless already installed)
  --peer-timeout  seconds npm may take to install Emmett's packages (default 1200; 90 with --quick)
  --doc           write docs/performance.md even for a partial or quick run`

/** Reads the command line; an unknown or malformed option throws with the usage. */
export function parseRunOptions(argv: readonly string[]): RunOptions {
  const flags = new Map<string, string | true>()
  for (const argument of argv) {
    if (argument === '--') continue
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argument)
    if (match === null) throw new Error(`unknown argument ${argument}\n${USAGE}`)
    flags.set(match[1] as string, match[2] ?? true)
  }
  const known = new Set(['quick', 'rounds', 'subjects', 'workloads', 'no-budget', 'no-peers', 'peer-timeout', 'doc'])
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`)
  const quick = flags.get('quick') === true
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const value = flags.get(name)
    if (value === undefined) return [...allowed]
    if (value === true || value === '') throw new Error(`--${name} needs a comma-separated list\n${USAGE}`)
    const items = value.split(',').map((item) => item.trim())
    for (const item of items) if (!(allowed as readonly string[]).includes(item)) throw new Error(`--${name}: unknown ${item}; one of ${allowed.join(', ')}`)
    return allowed.filter((item) => items.includes(item))
  }
  const whole = (name: string, fallback: number): number => {
    const value = flags.get(name)
    if (value === undefined) return fallback
    const number = Number(value)
    if (value === true || !Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number from 1\n${USAGE}`)
    return number
  }
  const subjects = list('subjects', SUBJECT_NAMES)
  const workloads = list('workloads', WORKLOAD_IDS)
  const everything = subjects.length === SUBJECT_NAMES.length && workloads.length === WORKLOAD_IDS.length
  return {
    quick,
    rounds: whole('rounds', quick ? 1 : 3),
    sizes: quick ? quickSizes() : FULL_SIZES,
    subjects,
    workloads,
    budgetsMs: flags.get('no-budget') === true ? undefined : quick ? QUICK_BUDGETS_MS : FULL_BUDGETS_MS,
    installPeers: flags.get('no-peers') !== true,
    peerTimeoutMs: whole('peer-timeout', quick ? 90 : 1200) * 1000,
    writeDoc: flags.get('doc') === true || (!quick && everything),
  }
}
