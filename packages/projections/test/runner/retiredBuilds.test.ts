import { describe, expect, it } from 'vitest'
import { isKerjasamaError } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import { createProjectionRunner, readerFor } from '../../src'
import { RETIRED_CHECKPOINT, readBuildCollections, retiredBuildsOf } from '../../src/runner/retiredBuilds'
import { appendTo } from './support/events'
import { crashingReadModels } from './support/faultyReadModels'
import { memoryStores } from './support/memoryStores'
import type { ReadModelStore } from '@kerjasama/core'
import { documentsOf } from './support/countingProjection'
import { perStreamProjection } from './support/perStreamProjection'

const GRACE = 60_000
/** The read models of a process that dies right after its `count`-th transaction on `key` commits. */
function dyingAfter(inner: ReadModelStore, key: string, count: number): ReturnType<typeof crashingReadModels> {
  const dying = crashingReadModels(inner, undefined)
  let seen = 0
  return {
    ...dying,
    transaction: async (projection, work) => {
      const result = await dying.transaction(projection, work)
      if (projection === key && (seen += 1) === count) dying.kill()
      return result
    },
  }
}

const streams = (count: number) => Array.from({ length: count }, (_, n) => `${n % 2 === 0 ? 'agreement' : 'partner'}-${n}`)

describe('retired builds', () => {
  it('P15 after a version bump switches, the old build — every collection it wrote, declared or not — is deleted once the grace has passed, and nothing of the active build; status shows it until then', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, streams(40))
    const time = testClock('2026-12-01T00:00:00.000Z')
    await createProjectionRunner({ eventStore, readModels, projections: [perStreamProjection(1)], clock: time }).catchUp()
    expect(await readBuildCollections(readModels, 'per-stream', { version: 1, generation: 0 })).toEqual(['per-stream@1.0/stream-fold', 'per-stream@1.0/streams'])

    const second = () => createProjectionRunner({ eventStore, readModels, projections: [perStreamProjection(2)], clock: time, retiredBuildGraceMs: GRACE })
    const [switched] = await second().catchUp()
    expect(switched?.retired).toEqual([{ version: 1, generation: 0, retiredAt: time().toISOString() }])
    expect(await retiredBuildsOf(readModels, 'per-stream')).toEqual([{ projection: 'per-stream', build: { version: 1, generation: 0 }, retiredAt: time().toISOString() }])
    // Within the grace a query that looked the old build up just before the switch still finds its documents.
    expect(Object.keys(await documentsOf(readModels, 'per-stream@1.0/streams'))).toHaveLength(40)

    time.advance({ ms: GRACE })
    const [cleaned] = await second().catchUp()
    expect(cleaned?.retired).toEqual([])
    expect(await documentsOf(readModels, 'per-stream@1.0/streams')).toEqual({})
    expect(await documentsOf(readModels, 'per-stream@1.0/stream-fold')).toEqual({})
    expect((await readModels.query('per-stream@1.0/streams', { where: { kind: 'agreement' } })).items).toEqual([])
    expect(await retiredBuildsOf(readModels, 'per-stream')).toEqual([])
    expect(await readBuildCollections(readModels, 'per-stream', { version: 1, generation: 0 })).toEqual([])
    expect(await readModels.getCheckpoint('per-stream@1.0')).toBe(RETIRED_CHECKPOINT)
    const active = await documentsOf(readerFor(readModels, perStreamProjection(2)), 'streams')
    expect(Object.keys(active)).toHaveLength(40)
    expect(Object.values(active).every((document) => (document as { builtBy: number }).builtBy === 2)).toBe(true)
  })

  it('P15 a rebuild asked for while another is under way retires the abandoned generation, and both it and the build replaced at the switch are deleted', async () => {
    const stores = memoryStores()
    await appendTo(stores.eventStore, streams(30))
    const time = testClock('2026-12-01T00:00:00.000Z')
    const options = { eventStore: stores.eventStore, projections: [perStreamProjection(1)], clock: time, retiredBuildGraceMs: GRACE, batchSize: 10 }
    await createProjectionRunner({ ...options, readModels: stores.readModels }).catchUp()
    // A rebuild dies after its first batch, leaving generation 1 a third built.
    const dying = dyingAfter(stores.again().readModels, 'per-stream@1.1', 1)
    await createProjectionRunner({ ...options, readModels: dying, leaseTtlMs: 50 })
      .rebuild('per-stream')
      .catch(() => undefined)
    expect(Object.keys(await documentsOf(stores.readModels, 'per-stream@1.1/streams'))).toHaveLength(10)
    await new Promise((resolve) => setTimeout(resolve, 60))

    await createProjectionRunner({ ...options, readModels: stores.readModels }).rebuild('per-stream')
    expect((await retiredBuildsOf(stores.readModels, 'per-stream')).map((retired) => retired.build)).toEqual([
      { version: 1, generation: 0 },
      { version: 1, generation: 1 },
    ])
    time.advance({ ms: GRACE })
    await createProjectionRunner({ ...options, readModels: stores.readModels }).catchUp()
    for (const build of ['1.0', '1.1']) {
      expect(await documentsOf(stores.readModels, `per-stream@${build}/streams`)).toEqual({})
      expect(await documentsOf(stores.readModels, `per-stream@${build}/stream-fold`)).toEqual({})
    }
    expect(Object.keys(await documentsOf(stores.readModels, 'per-stream@1.2/streams'))).toHaveLength(30)
  })

  it('P15 a cleanup killed midway resumes where it stopped, and a batch from an instance whose lease lapsed cannot land in a retired build', async () => {
    const stores = memoryStores()
    // 1,200 documents in two collections: more than one cycle's deletes, in many transactions.
    await appendTo(stores.eventStore, streams(600))
    const time = testClock('2026-12-01T00:00:00.000Z')
    const options = { eventStore: stores.eventStore, clock: time, retiredBuildGraceMs: GRACE }
    await createProjectionRunner({ ...options, readModels: stores.readModels, projections: [perStreamProjection(1)] }).catchUp()
    await createProjectionRunner({ ...options, readModels: stores.readModels, projections: [perStreamProjection(2)] }).catchUp()
    time.advance({ ms: GRACE })

    // The process dies right after the cleanup's second transaction.
    const dying = dyingAfter(stores.again().readModels, 'per-stream@1.0', 2)
    await createProjectionRunner({ ...options, readModels: dying, projections: [perStreamProjection(2)], leaseTtlMs: 50 })
      .catchUp()
      .catch(() => undefined)
    expect(dying.crashed()).toBe(true)
    const left = Object.keys(await documentsOf(stores.readModels, 'per-stream@1.0/streams')).length + Object.keys(await documentsOf(stores.readModels, 'per-stream@1.0/stream-fold')).length
    expect(left).toBe(1_200 - 500)

    // The dead instance's last batch for the old build, had it held one: its compare-and-set on the old checkpoint fails.
    const stale = stores.readModels.transaction('per-stream@1.0', async (tx) => {
      await tx.put('per-stream@1.0/streams', 'agreement-0', { kind: 'agreement', events: 2, builtBy: 1 })
      await tx.setCheckpoint(601n, { expected: 600n })
    })
    await expect(stale).rejects.toSatisfy((error: unknown) => isKerjasamaError(error) && error.code === 'PROJECTION_CONFLICT')

    await new Promise((resolve) => setTimeout(resolve, 60))
    await createProjectionRunner({ ...options, readModels: stores.readModels, projections: [perStreamProjection(2)] }).catchUp()
    expect(await documentsOf(stores.readModels, 'per-stream@1.0/streams')).toEqual({})
    expect(await documentsOf(stores.readModels, 'per-stream@1.0/stream-fold')).toEqual({})
    expect(await retiredBuildsOf(stores.readModels, 'per-stream')).toEqual([])
  })

  it('P15 a runner whose grace has not passed deletes nothing, and the active build is never deleted even if a record names it', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, streams(12))
    const time = testClock('2026-12-01T00:00:00.000Z')
    await createProjectionRunner({ eventStore, readModels, projections: [perStreamProjection(1)], clock: time }).catchUp()
    // A record naming the active build (written by hand: the runner never writes one).
    await readModels.transaction('per-stream@1.0', async (tx) => {
      await tx.put('projection-runner/retired', 'per-stream@1.0', { projection: 'per-stream', build: { version: 1, generation: 0 }, retiredAt: time().toISOString() })
      await tx.setCheckpoint(12n, { expected: 12n })
    })
    time.advance({ ms: GRACE - 1 })
    await createProjectionRunner({ eventStore, readModels, projections: [perStreamProjection(1)], clock: time, retiredBuildGraceMs: GRACE }).catchUp()
    expect(Object.keys(await documentsOf(readModels, 'per-stream@1.0/streams'))).toHaveLength(12)
    time.advance({ ms: 1 })
    await createProjectionRunner({ eventStore, readModels, projections: [perStreamProjection(1)], clock: time, retiredBuildGraceMs: GRACE }).catchUp()
    expect(Object.keys(await documentsOf(readerFor(readModels, perStreamProjection(1)), 'streams'))).toHaveLength(12)
  })
})
