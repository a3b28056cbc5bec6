import type { CollectionIndexes, EventStore, ReadModelStore } from '@kerjasama/core'
import type { Projection } from '../projection'
import { buildKey, physicalCollection, sameBuild } from './buildNames'
import type { Build } from './buildNames'
import { runBuildPass } from './batchLoop'
import type { PassOutcome } from './batchLoop'
import { isCheckpointConflict } from './checkpoint'
import type { LeaseKeeper } from './lease'
import { readFailureRecord } from './poison'
import type { FailureRecord } from './poison'
import { ProjectionSuperseded, planBuilds, readControlRecord, settleControlRecord, switchToTarget } from './rebuild'
import type { BuildPlan } from './rebuild'
import { cleanUpRetiredBuilds } from './retiredBuilds'
import { progressMeter, statusErrorOf } from './status'
import type { Progress, StatusError } from './status'

export type LoopContext = {
  eventStore: EventStore
  readModels: ReadModelStore
  leases: LeaseKeeper
  batchSize: number
  clock: () => Date
  /** How long a retired build stays before it is deleted. */
  retiredBuildGraceMs: number
  stopping: () => boolean
  head: () => bigint | null
  /** Looks the head of the log up afresh (head.ts). */
  refreshHead: () => Promise<void>
  onSeen: (position: bigint) => void
  /** After every commit and every switch, so waiters re-check. */
  onCommitted: () => void
  onProgress: ((progress: Progress) => void) | undefined
}

/** What one cycle did: `more` when it stopped short of the head (a full pass was interrupted) and should run again at once. */
export type CycleResult = { kind: 'standby' } | { kind: 'superseded' } | { kind: 'worked'; more: boolean }

/**
 * Works one projection: takes its lease, settles which builds to run, runs
 * a pass of each (the live build and a rebuild beside it go side by side, so
 * a long rebuild never leaves the live documents behind), and switches to
 * the rebuild once it has caught up. Cycles of one projection never overlap
 * within a runner; a poison event in one build stops that build only.
 */
export class ProjectionLoop {
  lastError: StatusError | null = null
  /** Failure records this process has already retried once; they stay stopped until skipped or the process restarts. */
  private readonly retried = new Set<string>()
  private queue: Promise<unknown> = Promise.resolve()
  private declared = new Set<string>()
  /** Per build key, the collections its record is known to name. */
  private readonly knownCollections = new Map<string, Set<string>>()

  constructor(
    readonly projection: Projection,
    private readonly context: LoopContext,
  ) {}

  /** Runs one cycle after any cycle of this projection already under way. */
  cycle(): Promise<CycleResult> {
    const run = this.queue.then(
      () => this.runCycle(),
      () => this.runCycle(),
    )
    this.queue = run.catch(() => undefined)
    return run
  }

  private async runCycle(): Promise<CycleResult> {
    const { leases, readModels } = this.context
    const name = this.projection.name
    const stored = planBuilds(await readControlRecord(readModels, name), this.projection.version)
    // Superseded code does not even take the lease: newer code must be able to, and would wait for it.
    if (stored.kind === 'superseded') return this.supersededBy(stored.active)
    if (!leases.holds(name) && !(await leases.acquire(name))) return { kind: 'standby' }
    try {
      await this.declare(stored)
      const plan = await settleControlRecord(readModels, name, this.projection.version)
      if (plan.kind === 'superseded') return await this.supersededBy(plan.active)
      await this.declare(plan)
      const builds = [plan.live, plan.target].filter((build): build is Build => build !== null)
      const outcomes = await Promise.all(builds.map((build) => this.runBuild(build, sameBuild(build, plan.target))))
      let more = outcomes.some((outcome) => outcome?.kind === 'interrupted')
      const target = plan.target
      const targetOutcome = target === null ? undefined : outcomes[builds.indexOf(target)]
      if (target !== null && targetOutcome?.kind === 'caught-up' && leases.holds(name)) {
        if (await switchToTarget(readModels, name, target, this.context.clock())) {
          this.context.onCommitted()
          // The old live build is no longer read; the next cycle re-plans with the new one live.
          more = true
        }
      }
      const cleanup = await cleanUpRetiredBuilds({
        readModels,
        projection: this.projection,
        controlRecord: () => readControlRecord(readModels, name),
        now: this.context.clock(),
        graceMs: this.context.retiredBuildGraceMs,
        mayContinue: () => leases.holds(name) && !this.context.stopping(),
      })
      more ||= cleanup.more
      this.lastError = null
      return { kind: 'worked', more: more && !this.context.stopping() }
    } catch (error) {
      this.lastError = statusErrorOf(error)
      // Someone else committed first: our lease lapsed or two instances overlap. Check the lease again before the next try.
      if (isCheckpointConflict(error)) return { kind: 'worked', more: leases.holds(name) && !this.context.stopping() }
      throw error
    }
  }

  private async supersededBy(active: Build): Promise<CycleResult> {
    this.lastError = statusErrorOf(new ProjectionSuperseded(this.projection.name, this.projection.version, active.version))
    await this.context.leases.release(this.projection.name)
    return { kind: 'superseded' }
  }

  /** One pass of one build; undefined when the build is stopped at a poison event this process already retried. */
  private async runBuild(build: Build, rebuilding: boolean): Promise<PassOutcome | undefined> {
    const { context, projection } = this
    const failure = await readFailureRecord(context.readModels, projection.name, build)
    if (failure !== undefined) {
      const key = failureKey(failure)
      if (this.retried.has(key)) return undefined
      this.retried.add(key)
    }
    // A rebuild, or a first pass, reports progress against the real head, not just what it has read so far.
    if (rebuilding || context.head() === null) await context.refreshHead()
    const meter = progressMeter(context.clock().getTime())
    let done = 0
    return runBuildPass({
      eventStore: context.eventStore,
      readModels: context.readModels,
      projection,
      build,
      batchSize: context.batchSize,
      clock: context.clock,
      knownCollections: this.collectionsKnownOf(build),
      mayContinue: () => !context.stopping() && context.leases.holds(projection.name),
      onSeen: context.onSeen,
      onCommitted: ({ checkpoint, applied }) => {
        done += applied
        context.onCommitted()
        if (context.onProgress !== undefined) reportProgress(context.onProgress, { projection: projection.name, build, rebuilding, ...meter({ done, checkpoint, head: context.head(), now: context.clock().getTime() }) })
      },
    }).then((outcome) => {
      if (outcome.kind === 'failed') this.retried.add(failureKey(outcome.failure))
      return outcome
    })
  }

  private collectionsKnownOf(build: Build): Set<string> {
    const key = buildKey(this.projection.name, build)
    let known = this.knownCollections.get(key)
    if (known === undefined) {
      known = new Set()
      this.knownCollections.set(key, known)
    }
    return known
  }

  /** Declares the indexed collections of the builds about to be written, once per build and process. */
  private async declare(plan: BuildPlan): Promise<void> {
    if (plan.kind !== 'work') return
    const collections = this.projection.collections ?? {}
    for (const build of [plan.live, plan.target]) {
      if (build === null || this.declared.has(buildKey(this.projection.name, build))) continue
      const indexes: Record<string, { indexed: readonly string[] }> = {}
      for (const [collection, index] of Object.entries(collections)) indexes[physicalCollection(this.projection.name, build, collection)] = index
      if (Object.keys(indexes).length > 0) await this.context.readModels.declareCollections(indexes satisfies CollectionIndexes)
      this.declared.add(buildKey(this.projection.name, build))
    }
  }
}

/**
 * The batch has committed when progress is reported: what the callback (a
 * dashboard, a log line) throws, or an async one rejects with, is no fault of
 * the projection's. Thrown on, it would end the pass after each batch and
 * look like a store failure; a rejection left unhandled ends a Node process.
 */
function reportProgress(onProgress: (progress: Progress) => void, progress: Progress): void {
  try {
    const returned: unknown = onProgress(progress)
    if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') Promise.resolve(returned).catch(() => undefined)
  } catch {
    // Dropped, as above.
  }
}

function failureKey(failure: FailureRecord): string {
  return `${buildKey(failure.projection, failure.build)}:${failure.position}:${failure.failedAt}`
}
