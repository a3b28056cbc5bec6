import { z } from 'zod'

/**
 * A build is one physical copy of a projection's documents: the projection's
 * version, and a generation that counts explicit rebuilds of that version.
 * Bumping the version or asking for a rebuild starts a new build beside the
 * active one, so readers keep the old documents until the switch.
 */
export const buildSchema = z.strictObject({
  version: z.number().int().positive(),
  generation: z.number().int().nonnegative(),
})
export type Build = z.infer<typeof buildSchema>

/**
 * Projection names are letters, digits, '-' and '_' (runnerOptions checks
 * it), so a name with '@' can only be a build key and one with no '@' but a
 * '/' only a runner collection: no user projection or collection can collide
 * with either.
 */
export const PROJECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/

/** The checkpoint (and transaction) key of one build: `register@2.0`. */
export function buildKey(projection: string, build: Build): string {
  return `${projection}@${build.version}.${build.generation}`
}

/** Where a build keeps a logical collection: `register@2.0/register`. */
export function physicalCollection(projection: string, build: Build, collection: string): string {
  return `${buildKey(projection, build)}/${collection}`
}

export function sameBuild(a: Build | null | undefined, b: Build | null | undefined): boolean {
  return a != null && b != null && a.version === b.version && a.generation === b.generation
}

/** The runner's own bookkeeping, one document per projection or build. */
export const RUNNER_COLLECTIONS = {
  /** Which build readers see and which is being built beside it (rebuild.ts). */
  builds: 'projection-runner/builds',
  /** The poison event a build stopped at, committed with its checkpoint (poison.ts). */
  failures: 'projection-runner/failures',
  /** Every event an operator skipped, with who and why (poison.ts). */
  skips: 'projection-runner/skips',
  /** Which physical collections each build has written, so a retired build can be deleted whole (retiredBuilds.ts). */
  buildCollections: 'projection-runner/build-collections',
  /** Builds no reader will see again, waiting to be deleted (retiredBuilds.ts). */
  retired: 'projection-runner/retired',
} as const

/** The lease one runner instance holds to work on a projection, every build of it included. */
export function leaseName(projection: string): string {
  return `projection:${projection}`
}
