import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
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
 * 2 s: measured in 0.5 s windows, their rate settles within the first second
 * (the first half second is lower on PostgreSQL, a connection warming up)
 * and after that moves with the machine's noise, not with the time. The
 * reads (W4, W6) and the rebuild (W5) get long enough for the faster
 * subjects to finish (W6: 1,000,000 events in 8 s is 125,000 a second); a
 * slower one is stopped there and its figure, over what it read, starred,
 * so that one slow subject cannot hold the run for an hour. With these, a
 * full run of seven subjects and three rounds fits in ten minutes.
 */
const FULL_BUDGETS_MS: Partial<Record<WorkloadId, number>> = { W1: 2_000, W2: 2_000, W3: 2_000, W4: 6_000, W5: 15_000, W6: 8_000, W7: 2_000, W8: 2_000 }
const QUICK_BUDGETS_MS: Partial<Record<WorkloadId, number>> = { W1: 1_000, W2: 1_000, W3: 1_000, W4: 3_000, W5: 8_000, W6: 5_000, W7: 1_000, W8: 1_000 }

export const USAGE = `pnpm bench [--quick] [--rounds=N] [--subjects=a,b] [--workloads=W1,W4] [--no-budget] [--no-peers] [--peer-timeout=SECONDS] [--doc]
  --quick         a tenth of every size, 1 round, short budgets (CI runs this)
  --rounds=N      processes per figure (default 3; 1 with --quick)
  --subjects=...  ${SUBJECT_NAMES.join(', ')}
  --workloads=... ${WORKLOAD_IDS.join(', ')}
  --no-budget     run the write workloads to their full size instead of stopping at a time budget
  --no-peers      do not install Emmett (it is reported unavailable unless already installed)
  --peer-timeout  seconds npm may take to install Emmett's packages (default 1200; 90 with --quick)
  --doc           write docs/performance.md even for a partial or quick run`

const PARSER_OPTIONS = {
  quick: { type: 'boolean' },
  rounds: { type: 'string' },
  subjects: { type: 'string' },
  workloads: { type: 'string' },
  'no-budget': { type: 'boolean' },
  'no-peers': { type: 'boolean' },
  'peer-timeout': { type: 'string' },
  doc: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options']

type Flags = { [name in keyof typeof PARSER_OPTIONS]?: (typeof PARSER_OPTIONS)[name]['type'] extends 'boolean' ? boolean : string }

/** Reads the command line; an unknown or malformed option throws with the usage. */
export function parseRunOptions(argv: readonly string[]): RunOptions {
  const flags = readFlags(argv)
  const quick = flags.quick === true
  const list = <T extends string>(name: 'subjects' | 'workloads', allowed: readonly T[]): T[] => {
    const value = flags[name]
    if (value === undefined) return [...allowed]
    const items = value.split(',').map((item) => item.trim())
    if (items.every((item) => item === '')) throw new Error(`--${name} needs a comma-separated list\n${USAGE}`)
    for (const item of items) if (!(allowed as readonly string[]).includes(item)) throw new Error(`--${name}: unknown ${item}; one of ${allowed.join(', ')}`)
    return allowed.filter((item) => items.includes(item))
  }
  const whole = (name: 'rounds' | 'peer-timeout', fallback: number): number => {
    const value = flags[name]
    if (value === undefined) return fallback
    const number = Number(value)
    if (value.trim() === '' || !Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number from 1\n${USAGE}`)
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
    budgetsMs: flags['no-budget'] === true ? undefined : quick ? QUICK_BUDGETS_MS : FULL_BUDGETS_MS,
    installPeers: flags['no-peers'] !== true,
    peerTimeoutMs: whole('peer-timeout', quick ? 90 : 1200) * 1000,
    writeDoc: flags.doc === true || (!quick && everything),
  }
}

/**
 * node:util's parseArgs, strict, its errors said in the bench's own words
 * with the usage. A lone `--` (what `pnpm bench -- --quick` passes on) is dropped.
 */
function readFlags(argv: readonly string[]): Flags {
  try {
    return parseArgs({ args: argv.filter((argument) => argument !== '--'), options: PARSER_OPTIONS, strict: true, allowPositionals: false }).values as Flags
  } catch (error) {
    const { code, message } = error as { code?: string; message: string }
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown option ${quoted.split('=')[0]}\n${USAGE}`)
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new Error(`unknown argument ${quoted}\n${USAGE}`)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = quoted.split(' ')[0] ?? quoted
      if (!message.includes('argument missing')) throw new Error(`${name} takes no value\n${USAGE}`)
      throw new Error(`${name} ${name === '--subjects' || name === '--workloads' ? 'needs a comma-separated list' : 'must be a whole number from 1'}\n${USAGE}`)
    }
    throw error
  }
}
