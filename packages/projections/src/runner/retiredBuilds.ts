import { z } from 'zod'
import { isKerjasamaError, parseOrThrow } from '@kerjasama/core'
import { MAX_CHECKPOINT } from '@kerjasama/core/adapter'
import type { ReadModelStore, ReadModelTransaction } from '@kerjasama/core'
import type { Projection } from '../projection'
import { RUNNER_COLLECTIONS, buildKey, buildSchema, physicalCollection, sameBuild } from './buildNames'
import type { Build } from './buildNames'
import { isCheckpointConflict } from './checkpoint'
import { clearFailureRecord } from './poison'
import type { ControlRecord } from './rebuild'

/**
 * A build readers will never see again — the one a switch replaced, or a
 * rebuild generation a newer rebuild request abandoned — is deleted by the
 * lease holder, a page at a time, once `graceMs` has passed since it was
 * retired (a query that looked the active build up just before the switch
 * may still be reading it). Without this every version bump would leave a
 * whole copy of the read model behind.
 *
 * The store has no way to list collections, so each build records the
 * physical collections it writes (the undeclared ones a projection keeps its
 * fold in included), in the transaction of the batch that first writes one.
 */
const buildCollectionsSchema = z.strictObject({
  projection: z.string(),
  build: buildSchema,
  collections: z.array(z.string()),
})

export const retiredBuildSchema = z.strictObject({
  projection: z.string(),
  build: buildSchema,
  /** ISO instant, from the runner's clock. */
  retiredAt: z.string(),
})
export type RetiredBuild = z.infer<typeof retiredBuildSchema>

const BUILD_COLLECTIONS = { id: 'catatan koleksi build proyeksi', en: 'projection build collections record' }
const RETIRED_BUILD = { id: 'catatan build proyeksi yang dipensiunkan', en: 'retired projection build record' }

/**
 * A retired build's checkpoint is moved here by the first transaction that
 * deletes from it: an instance whose lease lapsed unnoticed, still holding a
 * batch for that build, then fails its compare-and-set (R15) instead of
 * writing documents nobody will delete.
 */
export const RETIRED_CHECKPOINT = MAX_CHECKPOINT

/** Documents deleted per transaction, and per cycle of the projection before it hands the turn back to its live build. */
const DELETE_PAGE = 250
const DELETES_PER_CYCLE = 2_000

export async function readBuildCollections(reader: Pick<ReadModelStore, 'get'> | Pick<ReadModelTransaction, 'get'>, projection: string, build: Build): Promise<string[]> {
  const document = await reader.get(RUNNER_COLLECTIONS.buildCollections, buildKey(projection, build))
  return document === undefined ? [] : parseOrThrow(buildCollectionsSchema, document, BUILD_COLLECTIONS).collections
}

/**
 * Adds the physical collections a batch wrote to its build's record, in the
 * batch's own transaction; `known` is this process's memory of the record,
 * so a batch that writes nothing new reads and writes nothing more. The
 * stored record is read before it is extended: another instance may have
 * added collections this one never saw.
 */
export async function recordBuildCollections(tx: ReadModelTransaction, projection: string, build: Build, written: Iterable<string>, known: Set<string>): Promise<string[]> {
  const fresh = [...new Set(written)].filter((collection) => !known.has(collection))
  if (fresh.length === 0) return []
  const stored = await readBuildCollections(tx, projection, build)
  const collections = [...new Set([...stored, ...fresh])].sort()
  if (collections.length > stored.length) await tx.put(RUNNER_COLLECTIONS.buildCollections, buildKey(projection, build), { projection, build, collections })
  return collections
}

/** Retires a build, in the transaction that stops readers seeing it (or stops it being built). */
export async function retireBuild(tx: ReadModelTransaction, projection: string, build: Build, at: Date): Promise<void> {
  await tx.put(RUNNER_COLLECTIONS.retired, buildKey(projection, build), { projection, build, retiredAt: at.toISOString() } satisfies RetiredBuild)
}

export async function retiredBuildsOf(store: Pick<ReadModelStore, 'query'>, projection: string): Promise<RetiredBuild[]> {
  const retired: RetiredBuild[] = []
  let after: string | undefined
  do {
    const page = await store.query(RUNNER_COLLECTIONS.retired, { where: { projection }, limit: 100, ...(after === undefined ? {} : { after }) })
    for (const item of page.items) retired.push(parseOrThrow(retiredBuildSchema, item.document, RETIRED_BUILD))
    after = page.next
  } while (after !== undefined)
  return retired
}

/**
 * The projection's retired builds as status shows them, oldest first. A store
 * no runner has declared its collections in (a read-only open of a store
 * never projected) has none.
 */
export async function retiredBuildsForStatus(store: Pick<ReadModelStore, 'query'>, projection: string): Promise<Array<Build & { retiredAt: string }>> {
  try {
    const retired = await retiredBuildsOf(store, projection)
    return retired.map(({ build, retiredAt }) => ({ ...build, retiredAt })).sort((a, b) => a.retiredAt.localeCompare(b.retiredAt) || a.version - b.version || a.generation - b.generation)
  } catch (error) {
    if (isKerjasamaError(error) && error.code === 'READ_MODEL_FIELD_NOT_INDEXED') return []
    throw error
  }
}

export type Cleanup = {
  readModels: ReadModelStore
  projection: Projection
  /** Read once a retired build is due, so what readers see or what is being built is never deleted, whatever a record says. */
  controlRecord: () => Promise<ControlRecord | undefined>
  now: Date
  graceMs: number
  /** Asked before every transaction: false (the lease lost, the runner stopping) leaves the rest for later. */
  mayContinue: () => boolean
}

/**
 * Deletes what it can of the projection's retired builds within one cycle's
 * budget; `more` when documents are left that could be deleted now. The
 * build's records go last, so a cleanup killed midway starts again where
 * it stopped.
 */
export async function cleanUpRetiredBuilds(cleanup: Cleanup): Promise<{ more: boolean; deleted: number }> {
  const { readModels, projection } = cleanup
  const name = projection.name
  let budget = DELETES_PER_CYCLE
  const due = (await retiredBuildsOf(readModels, name)).filter((retired) => cleanup.now.getTime() - Date.parse(retired.retiredAt) >= cleanup.graceMs)
  const control = due.length === 0 ? undefined : await cleanup.controlRecord()
  for (const retired of due) {
    const inUse = sameBuild(control?.active, retired.build) || sameBuild(control?.target, retired.build)
    const declared = Object.keys(projection.collections ?? {}).map((collection) => physicalCollection(name, retired.build, collection))
    const collections = inUse ? [] : [...new Set([...(await readBuildCollections(readModels, name, retired.build)), ...declared])]
    for (const collection of collections) {
      for (;;) {
        if (!cleanup.mayContinue()) return { more: false, deleted: DELETES_PER_CYCLE - budget }
        if (budget <= 0) return { more: true, deleted: DELETES_PER_CYCLE - budget }
        const page = await readModels.query(collection, { limit: Math.min(DELETE_PAGE, budget) })
        if (page.items.length === 0) break
        await inRetiredBuild(readModels, name, retired.build, async (tx) => {
          for (const item of page.items) await tx.delete(collection, item.id)
        })
        budget -= page.items.length
      }
    }
    if (!cleanup.mayContinue()) return { more: false, deleted: DELETES_PER_CYCLE - budget }
    await inRetiredBuild(readModels, name, retired.build, async (tx) => {
      await clearFailureRecord(tx, name, retired.build)
      await tx.delete(RUNNER_COLLECTIONS.buildCollections, buildKey(name, retired.build))
      await tx.delete(RUNNER_COLLECTIONS.retired, buildKey(name, retired.build))
    })
  }
  return { more: false, deleted: DELETES_PER_CYCLE - budget }
}

const RETIRED_ATTEMPTS = 5

/** A transaction on the retired build's own key that moves its checkpoint to RETIRED_CHECKPOINT, compare-and-set. */
async function inRetiredBuild(readModels: ReadModelStore, projection: string, build: Build, work: (tx: ReadModelTransaction) => Promise<void>): Promise<void> {
  const key = buildKey(projection, build)
  for (let attempt = 1; ; attempt += 1) {
    const checkpoint = await readModels.getCheckpoint(key)
    try {
      await readModels.transaction(key, async (tx) => {
        await work(tx)
        await tx.setCheckpoint(RETIRED_CHECKPOINT, { expected: checkpoint })
      })
      return
    } catch (error) {
      // A stale writer committed a batch between our read and our commit; read again and delete what it wrote too.
      if (!isCheckpointConflict(error) || attempt >= RETIRED_ATTEMPTS) throw error
    }
  }
}
