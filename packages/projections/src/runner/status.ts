import { isKerjasamaError } from '@kerjasama/core'
import type { KerjasamaError } from '@kerjasama/core'
import type { Build } from './buildNames'
import { ProjectionFailed } from './poison'
import type { FailureRecord } from './poison'
import type { ControlRecord } from './rebuild'

/**
 * In this order of precedence:
 * - `failed`: a build stopped at a poison event (`lastError` names it), or this code is superseded by newer code.
 * - `rebuilding`: a new build is being made beside the active one, which stays readable.
 * - `caught-up`: the active build has applied every event up to the head this instance knows of.
 * - `standby`: another instance holds the lease (`holder`) and does the work.
 * - `running`: this instance works on it and has not reached the head yet.
 * - `stopped`: nobody is working on it from here.
 */
export type ProjectionState = 'running' | 'caught-up' | 'rebuilding' | 'failed' | 'standby' | 'stopped'

/** An error as a UI or a log line shows it: code, both languages, details; never an event's content. */
export type StatusError = { code: string; message: { id: string; en: string }; details: Readonly<Record<string, unknown>> }

export type BuildStatus = Build & { checkpoint: bigint }

export type ProjectionStatus = {
  name: string
  /** The version of the code this runner was given. */
  version: number
  state: ProjectionState
  /** The build readers see, with its checkpoint; null before anything was built. */
  active: BuildStatus | null
  /** The build being made beside it, if any. */
  rebuild: BuildStatus | null
  /** Checkpoint of the active build (0n when none). */
  checkpoint: bigint
  /** The highest position this instance has seen in the log (read or announced); null until it has seen one. */
  head: bigint | null
  /** head − checkpoint in positions (events, where positions have no gaps); null while head is unknown. */
  lag: bigint | null
  lastError: StatusError | null
  /** The instance holding the projection's lease, if any. */
  holder: string | null
  /** Builds no reader sees any more, still to be deleted (P15), oldest first. */
  retired: Array<Build & { retiredAt: string }>
}

/** Reported after every committed batch of a catch-up or a rebuild. */
export type Progress = {
  projection: string
  build: Build
  rebuilding: boolean
  /** Events applied in this pass so far. */
  done: number
  /** done + the positions still ahead of the checkpoint; null while the head is unknown. */
  total: number | null
  checkpoint: bigint
  /** Events per second over this pass, by the runner's clock. */
  ratePerSecond: number
  /** Milliseconds until caught up at that rate; null when unknown. */
  etaMs: number | null
}

/** Counts a pass's progress; `now` is the runner's clock in milliseconds. */
export function progressMeter(start: number): (input: { done: number; checkpoint: bigint; head: bigint | null; now: number }) => Omit<Progress, 'projection' | 'build' | 'rebuilding'> {
  return ({ done, checkpoint, head, now }) => {
    const remaining = head === null ? null : Number(head > checkpoint ? head - checkpoint : 0n)
    const seconds = Math.max(now - start, 1) / 1000
    const ratePerSecond = done / seconds
    const etaMs = remaining === null ? null : remaining === 0 ? 0 : ratePerSecond > 0 ? Math.round((remaining / ratePerSecond) * 1000) : null
    return { done, total: remaining === null ? null : done + remaining, checkpoint, ratePerSecond, etaMs }
  }
}

export function lagOf(head: bigint | null, checkpoint: bigint): bigint | null {
  if (head === null) return null
  return head > checkpoint ? head - checkpoint : 0n
}

export function statusErrorOf(error: unknown): StatusError {
  if (isKerjasamaError(error)) return { code: error.code, message: error.localized, details: error.details }
  // Something other than a KerjasamaError (a driver's own error): its name only, as its message may quote data.
  const name = error instanceof Error ? error.name : typeof error
  return { code: 'PROJECTION_ERROR', message: { id: `Kesalahan tak terduga (${name})`, en: `Unexpected error (${name})` }, details: { name } }
}

export type StatusFacts = {
  name: string
  version: number
  control: ControlRecord | undefined
  activeCheckpoint: bigint | null
  targetCheckpoint: bigint | null
  failures: FailureRecord[]
  superseded: KerjasamaError | undefined
  holder: string | null
  self: string
  started: boolean
  head: bigint | null
  localError: StatusError | null
  retired: Array<Build & { retiredAt: string }>
}

/** Pure: a projection's status from what the store says and what this runner knows. */
export function statusOf(facts: StatusFacts): ProjectionStatus {
  const { control } = facts
  const checkpoint = facts.activeCheckpoint ?? 0n
  const failure = facts.failures[0]
  const caughtUp = control !== undefined && facts.head !== null && checkpoint >= facts.head
  const state: ProjectionState =
    facts.superseded !== undefined || failure !== undefined
      ? 'failed'
      : control?.target != null
        ? 'rebuilding'
        : caughtUp
          ? 'caught-up'
          : facts.holder !== null && facts.holder !== facts.self
            ? 'standby'
            : facts.started || facts.holder === facts.self
              ? 'running'
              : 'stopped'
  const lastError =
    facts.superseded !== undefined ? statusErrorOf(facts.superseded) : failure !== undefined ? statusErrorOf(new ProjectionFailed(failure)) : facts.localError
  return {
    name: facts.name,
    version: facts.version,
    state,
    active: control === undefined ? null : { ...control.active, checkpoint },
    rebuild: control?.target == null ? null : { ...control.target, checkpoint: facts.targetCheckpoint ?? 0n },
    checkpoint,
    head: facts.head,
    lag: lagOf(facts.head, checkpoint),
    lastError,
    holder: facts.holder,
    retired: facts.retired,
  }
}
