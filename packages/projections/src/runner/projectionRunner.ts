import { isKerjasamaError, parseOrThrow } from '@kerjasama/core'
import { z } from 'zod'
import { RUNNER_COLLECTIONS, sameBuild } from './buildNames'
import { readCheckpoint } from './checkpoint'
import { findHead } from './head'
import { LeaseKeeper } from './lease'
import { WakeUp, subscribeToChanges } from './liveWakeUp'
import { ProjectionFailed, readFailureRecord, skipFailedEvent, skipOptionsSchema, skipRecordSchema } from './poison'
import type { FailureRecord, SkipOptions, SkipRecord } from './poison'
import { ProjectionLoop } from './projectionLoop'
import { ProjectionSuperseded, planBuilds, readControlRecord, requestRebuild } from './rebuild'
import type { ControlRecord } from './rebuild'
import { retiredBuildsForStatus } from './retiredBuilds'
import { resolveRunnerOptions } from './runnerOptions'
import type { RunnerOptions } from './runnerOptions'
import { statusErrorOf, statusOf } from './status'
import type { ProjectionStatus } from './status'
import { ProjectionUnknown } from './unknownProjection'
import { checkWaitOptions, waitUntilCaughtUp } from './waitUntilCaughtUp'
import type { CatchUpCheck, WaitOptions } from './waitUntilCaughtUp'

export type ProjectionRunner = {
  /** Live mode: every projection catches up, then follows the log, woken by change notifications and by polling. */
  start(): Promise<void>
  /** Ends live mode after the batches in hand commit, and gives the leases back. */
  stop(): Promise<void>
  /** One pass of every projection up to the head of the log (switching finished rebuilds); resolves with the status. */
  catchUp(): Promise<ProjectionStatus[]>
  status(): Promise<ProjectionStatus[]>
  /** Resolves once every projection (or those named) has committed `position`; PROJECTION_CATCH_UP_TIMEOUT otherwise. */
  waitUntilCaughtUp(position: bigint, options: WaitOptions): Promise<void>
  /** Builds the projection afresh beside the active build and switches to it once it has caught up. */
  rebuild(name: string): Promise<ProjectionStatus>
  /** Skips, on record, the event the projection stopped at; only that event can be skipped. */
  skip(name: string, position: bigint, options: SkipOptions): Promise<SkipRecord>
  /** Every skip recorded for the projection, oldest position first. */
  skips(name: string): Promise<SkipRecord[]>
}

export function createProjectionRunner(options: RunnerOptions): ProjectionRunner {
  const settings = resolveRunnerOptions(options)
  const { eventStore, readModels, clock, pollIntervalMs } = settings
  // Whether a lease is still ours is a question about real time passing, so it is asked of the monotonic clock, never of an injected one a test may freeze.
  const leases = new LeaseKeeper(readModels, settings.holderId, settings.leaseTtlMs, () => performance.now())
  const changes = new WakeUp()
  const commits = new WakeUp()
  let head: bigint | null = null
  let started = false
  let stopping = false
  let stopController = new AbortController()
  let running: Array<Promise<void>> = []
  // start() and stop() take turns in the order they were called: interleaved,
  // a stop could end before the start it overtook subscribed and launched its
  // loops, which then worked on, lease held, after stop() had resolved.
  let lifecycle: Promise<void> = Promise.resolve()
  const inTurn = (step: () => Promise<void>): Promise<void> => {
    const run = lifecycle.then(step)
    lifecycle = run.catch(() => undefined)
    return run
  }
  let unsubscribe: () => void = () => undefined
  let runnerCollections: Promise<void> | undefined
  let headLookup: Promise<void> | undefined
  const raiseHead = (position: bigint): void => {
    if (head === null || position > head) head = position
  }
  const refreshHead = (): Promise<void> =>
    (headLookup ??= findHead(eventStore, head ?? 0n)
      .then(raiseHead)
      .finally(() => {
        headLookup = undefined
      }))

  const loops = new Map(
    settings.projections.map((projection) => [
      projection.name,
      new ProjectionLoop(projection, {
        eventStore,
        readModels,
        leases,
        batchSize: settings.batchSize,
        clock,
        retiredBuildGraceMs: settings.retiredBuildGraceMs,
        stopping: () => stopping,
        head: () => head,
        refreshHead,
        onSeen: raiseHead,
        onCommitted: () => commits.fire(),
        onProgress: settings.onProgress,
      }),
    ]),
  )
  const loopOf = (name: string): ProjectionLoop => {
    const loop = loops.get(name)
    if (loop === undefined) throw new ProjectionUnknown(name, [...loops.keys()])
    return loop
  }
  // Skip records are found by projection, a page at a time, like any read model.
  const declareRunnerCollections = (): Promise<void> =>
    (runnerCollections ??= readModels.declareCollections({ [RUNNER_COLLECTIONS.skips]: { indexed: ['projection'] }, [RUNNER_COLLECTIONS.retired]: { indexed: ['projection'] } }).catch((error: unknown) => {
      // A store that was down must be asked again next time, not remembered as failed.
      runnerCollections = undefined
      throw error
    }))

  /** Cycles until caught up, stopped or standing by; errors stay in the loop's lastError. */
  const catchUpOne = async (loop: ProjectionLoop): Promise<void> => {
    for (;;) {
      try {
        const result = await loop.cycle()
        if (result.kind !== 'worked' || !result.more) return
      } catch (error) {
        loop.lastError = statusErrorOf(error)
        return
      }
    }
  }

  const live = async (loop: ProjectionLoop): Promise<void> => {
    const standbyRetryMs = Math.min(pollIntervalMs, Math.floor(settings.leaseTtlMs / 3))
    while (!stopping) {
      const since = changes.count
      let wait = pollIntervalMs
      try {
        const result = await loop.cycle()
        if (result.kind === 'worked' && result.more) continue
        if (result.kind === 'standby') wait = standbyRetryMs
      } catch (error) {
        loop.lastError = statusErrorOf(error)
      }
      await changes.wait(since, wait, stopController.signal)
    }
  }

  const failuresOf = async (name: string): Promise<{ control: ControlRecord | undefined; failures: FailureRecord[] }> => {
    const control = await readControlRecord(readModels, name)
    const builds = control === undefined ? [] : [control.active, control.target]
    const records = await Promise.all(builds.map((build) => (build == null ? undefined : readFailureRecord(readModels, name, build))))
    return { control, failures: records.filter((record): record is FailureRecord => record !== undefined) }
  }

  const storedStatusOf = async (loop: ProjectionLoop): Promise<ProjectionStatus> => {
    const { name, version } = loop.projection
    const { control, failures } = await failuresOf(name)
    const checkpointOf = (build: { version: number; generation: number } | null | undefined): Promise<bigint | null> =>
      build == null ? Promise.resolve(null) : readCheckpoint(readModels, name, build)
    const [activeCheckpoint, targetCheckpoint, holder, retired] = await Promise.all([
      checkpointOf(control?.active),
      checkpointOf(control?.target),
      leases.holderOf(name),
      retiredBuildsForStatus(readModels, name),
    ])
    const plan = planBuilds(control, version)
    return statusOf({
      name,
      version,
      control,
      activeCheckpoint,
      targetCheckpoint,
      failures,
      superseded: plan.kind === 'superseded' ? new ProjectionSuperseded(name, version, plan.active.version) : undefined,
      holder,
      self: settings.holderId,
      started,
      head,
      localError: loop.lastError,
      retired,
    })
  }

  /** One projection's unreadable records (a hand-edited control record) show as its own failure, not as a status() that fails for all. */
  const statusOfLoop = (loop: ProjectionLoop): Promise<ProjectionStatus> =>
    storedStatusOf(loop).catch((error: unknown) => {
      if (!isKerjasamaError(error) || error.code !== 'VALIDATION_FAILED') throw error
      const { name, version } = loop.projection
      return { name, version, state: 'failed' as const, active: null, rebuild: null, checkpoint: 0n, head, lag: null, lastError: statusErrorOf(error), holder: null, retired: [] }
    })

  const status = async (): Promise<ProjectionStatus[]> => {
    await refreshHead()
    return Promise.all([...loops.values()].map(statusOfLoop))
  }

  const caughtUpCheck =
    (names: string[]) =>
    async (position: bigint): Promise<CatchUpCheck> => {
      const result: CatchUpCheck = { behind: [] }
      for (const name of names) {
        const control = await readControlRecord(readModels, name)
        const checkpoint = control === undefined ? 0n : await readCheckpoint(readModels, name, control.active)
        if (checkpoint >= position) continue
        const failure = control === undefined ? undefined : await readFailureRecord(readModels, name, control.active)
        if (failure !== undefined) result.failure ??= new ProjectionFailed(failure)
        result.behind.push({ projection: name, checkpoint })
      }
      return result
    }

  return {
    start() {
      return inTurn(async () => {
        if (started) return
        started = true
        try {
          await declareRunnerCollections()
        } catch (error) {
          started = false
          throw error
        }
        stopping = false
        stopController = new AbortController()
        unsubscribe = await subscribeToChanges(eventStore.subscribe?.bind(eventStore), () => changes.fire())
        running = [...loops.values()].map((loop) => live(loop))
      })
    },

    stop() {
      return inTurn(async () => {
        if (!started) return
        stopping = true
        stopController.abort()
        unsubscribe()
        unsubscribe = () => undefined
        await Promise.all(running)
        running = []
        started = false
        // Only the live loops were to end: a catchUp() or rebuild() after stop() must run its passes through, not one batch each.
        stopping = false
        await leases.releaseAll()
      })
    },

    async catchUp() {
      await declareRunnerCollections()
      await Promise.all([...loops.values()].map(catchUpOne))
      // A runner that is not live gives the leases back at once, so a live instance need not wait for them to expire.
      if (!started) await leases.releaseAll()
      return status()
    },

    status,

    async waitUntilCaughtUp(position, waitOptions) {
      const names = checkWaitOptions(waitOptions).projections ?? [...loops.keys()]
      for (const name of names) loopOf(name)
      await waitUntilCaughtUp(position, waitOptions, caughtUpCheck(names), (signal) => commits.wait(commits.count, pollIntervalMs, signal))
    },

    async rebuild(name) {
      const loop = loopOf(name)
      await declareRunnerCollections()
      const requested = await requestRebuild(readModels, name, loop.projection.version, clock())
      changes.fire()
      for (;;) {
        const since = commits.count
        if (!started) await catchUpOne(loop)
        const { control, failures } = await failuresOf(name)
        const failure = failures.find((record) => sameBuild(record.build, requested))
        if (failure !== undefined) {
          if (!started) await leases.releaseAll()
          throw new ProjectionFailed(failure)
        }
        const switched = sameBuild(control?.active, requested) && control?.target == null
        // Another rebuild asked for meanwhile replaces this one; its caller waits for it.
        if (switched || !sameBuild(control?.target, requested)) break
        await commits.wait(since, pollIntervalMs)
      }
      if (!started) await leases.releaseAll()
      await refreshHead()
      return statusOfLoop(loop)
    },

    async skip(name, position, skipOptions) {
      const loop = loopOf(name)
      parseOrThrow(z.bigint().nonnegative(), position, { id: 'posisi peristiwa yang dilewati', en: 'position of the skipped event' })
      const checked = parseOrThrow(skipOptionsSchema, skipOptions, { id: 'opsi skip', en: 'skip options' })
      await declareRunnerCollections()
      const record = await skipFailedEvent(readModels, name, position, async () => (await failuresOf(loop.projection.name)).failures, checked, clock())
      commits.fire()
      changes.fire()
      return record
    },

    async skips(name) {
      loopOf(name)
      await declareRunnerCollections()
      const records: SkipRecord[] = []
      let after: string | undefined
      do {
        const page = await readModels.query(RUNNER_COLLECTIONS.skips, { where: { projection: name }, limit: 500, ...(after === undefined ? {} : { after }) })
        for (const item of page.items) records.push(parseOrThrow(skipRecordSchema, item.document, { id: 'catatan skip', en: 'skip record' }))
        after = page.next
      } while (after !== undefined)
      return records.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))
    },
  }
}

