import { z } from 'zod'
import { KerjasamaError, parseOrThrow } from '@kerjasama/core'
import type { ReadModelStore, ReadModelTransaction } from '@kerjasama/core'
import { RUNNER_COLLECTIONS, buildSchema, sameBuild } from './buildNames'
import { commitCheckpoint, isCheckpointConflict } from './checkpoint'
import { retireBuild } from './retiredBuilds'
import type { Build } from './buildNames'

/**
 * The control record of one projection: the build readers see (`active`) and
 * the build being made beside it (`target`), if any. Switching is one write
 * of this record, so a reader sees either the old build or the new one, never
 * a mix; it lives in the store, so a rebuild killed midway resumes from the
 * target's own checkpoint in whichever instance takes the lease next.
 */
export const controlRecordSchema = z.strictObject({
  active: buildSchema,
  target: buildSchema.nullable(),
  /** ISO instant of the last switch, from the runner's clock. */
  switchedAt: z.string().nullable(),
  /**
   * How many rebuilds were ever asked for. Each takes the next number as its
   * generation, so an explicit rebuild never lands in a build key that an
   * abandoned attempt already half filled; a version bump always builds
   * generation 0, which a restart resumes.
   */
  rebuilds: z.number().int().nonnegative(),
})
export type ControlRecord = z.infer<typeof controlRecordSchema>

const CONTROL_RECORD = { id: 'catatan kendali proyeksi', en: 'projection control record' }

/** What a runner whose code has `version` should do with a projection. */
export type BuildPlan =
  | { kind: 'work'; live: Build | null; target: Build | null }
  /** The active build is newer than this code: it can write nothing correct, so it leaves the projection to newer instances. */
  | { kind: 'superseded'; active: Build }

/**
 * Pure: reads a control record against the version of the code at hand.
 * - Nothing built yet: version.0 becomes active at once (there is no older build to keep readable).
 * - Active is this version: keep it live; a target of this version is a requested rebuild, any other target belongs to other code and is left alone.
 * - Active is older: build this version beside it (resuming a target of this version), active stays readable.
 * - Active is newer: superseded.
 */
export function planBuilds(control: ControlRecord | undefined, version: number): BuildPlan {
  if (control === undefined) return { kind: 'work', live: { version, generation: 0 }, target: null }
  const { active, target } = control
  if (active.version > version) return { kind: 'superseded', active }
  if (active.version === version) return { kind: 'work', live: active, target: target?.version === version && target.generation > active.generation ? target : null }
  return { kind: 'work', live: null, target: target?.version === version ? target : { version, generation: 0 } }
}

export async function readControlRecord(reader: Pick<ReadModelStore, 'get'> | Pick<ReadModelTransaction, 'get'>, projection: string): Promise<ControlRecord | undefined> {
  const document = await reader.get(RUNNER_COLLECTIONS.builds, projection)
  return document === undefined ? undefined : parseOrThrow(controlRecordSchema, document, CONTROL_RECORD)
}

/** The transaction key the control record is changed under; '@' keeps it apart from any projection name. */
export function controlKey(projection: string): string {
  return `${projection}@control`
}

const CONTROL_ATTEMPTS = 20

/**
 * Every change to a control record is a read-modify-write in one
 * transaction whose checkpoint serves as the record's revision, written
 * compare-and-set (R15): two instances acting on the same stale record
 * cannot both commit, whatever the adapter, and the loser reads again.
 */
async function changeControlRecord(
  store: ReadModelStore,
  projection: string,
  change: (current: ControlRecord | undefined) => ControlRecord | undefined,
  /** Builds the change leaves no reader or writer for, retired in the same transaction. */
  retiring?: { at: Date; builds: (current: ControlRecord | undefined, next: ControlRecord) => Build[] },
): Promise<ControlRecord | undefined> {
  const key = controlKey(projection)
  for (let attempt = 1; ; attempt += 1) {
    const revision = await store.getCheckpoint(key)
    try {
      return await store.transaction(key, async (tx) => {
        const current = await readControlRecord(tx, projection)
        const next = change(current)
        if (next === undefined || next === current) return current
        await tx.put(RUNNER_COLLECTIONS.builds, projection, next)
        for (const build of retiring?.builds(current, next) ?? []) await retireBuild(tx, projection, build, retiring?.at as Date)
        await commitCheckpoint(tx, revision, revision + 1n)
        return next
      })
    } catch (error) {
      if (!isCheckpointConflict(error) || attempt >= CONTROL_ATTEMPTS) throw error
    }
  }
}

/** Brings the stored record in line with a plan: creates it, or records the target this code will build. */
export async function settleControlRecord(store: ReadModelStore, projection: string, version: number): Promise<BuildPlan> {
  const record = await changeControlRecord(store, projection, (current) => {
    const plan = planBuilds(current, version)
    if (plan.kind === 'superseded') return current
    if (current === undefined) return { active: plan.live as Build, target: null, switchedAt: null, rebuilds: 0 }
    if (plan.target !== null && !sameBuild(plan.target, current.target)) return { ...current, target: plan.target }
    return current
  })
  return planBuilds(record, version)
}

/**
 * Asks for a fresh build of `version` beside the active one and returns it.
 * A rebuild already under way is started over in a new generation, as the
 * caller asked for a clean build; the abandoned generation is retired (its
 * number is never taken again). A version bump's build (generation 0) is
 * not: code of that version may resume it. With nothing built yet, the
 * first build is the rebuild.
 */
export async function requestRebuild(store: ReadModelStore, projection: string, version: number, at: Date): Promise<Build> {
  let requested: Build = { version, generation: 0 }
  await changeControlRecord(
    store,
    projection,
    (current) => {
      const plan = planBuilds(current, version)
      if (plan.kind === 'superseded') throw new ProjectionSuperseded(projection, version, plan.active.version)
      if (current === undefined) return { active: requested, target: null, switchedAt: null, rebuilds: 0 }
      requested = { version, generation: current.rebuilds + 1 }
      return { ...current, target: requested, rebuilds: current.rebuilds + 1 }
    },
    { at, builds: (current) => (current?.target != null && current.target.generation > 0 ? [current.target] : []) },
  )
  return requested
}

/**
 * The atomic switch: `target` becomes what readers see, and the build they
 * saw before is retired in the same transaction (retiredBuilds.ts). It
 * happens only if the record still names `target` (someone may have asked
 * for a newer rebuild meanwhile); returns whether it switched.
 */
export async function switchToTarget(store: ReadModelStore, projection: string, target: Build, at: Date): Promise<boolean> {
  let switched = false
  await changeControlRecord(
    store,
    projection,
    (current) => {
      switched = current !== undefined && sameBuild(current.target, target)
      if (!switched || current === undefined) return current
      return { ...current, active: target, target: null, switchedAt: at.toISOString() }
    },
    { at, builds: (current) => (current === undefined ? [] : [current.active]) },
  )
  return switched
}

/** This code's version is older than the build readers already see. */
export class ProjectionSuperseded extends KerjasamaError {
  constructor(projection: string, version: number, activeVersion: number) {
    super(
      'PROJECTION_SUPERSEDED',
      {
        id: `Proyeksi ${projection} versi ${version} pada aplikasi ini lebih lama daripada versi ${activeVersion} yang sedang dibaca; aplikasi ini tidak mengerjakannya. Perbarui aplikasi ke versi yang sama`,
        en: `Projection ${projection} version ${version} in this application is older than version ${activeVersion}, which readers now see; this application leaves it alone. Update the application to the same version`,
      },
      { projection, version, activeVersion },
    )
  }
}
