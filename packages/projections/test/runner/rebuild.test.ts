import { describe, expect, it } from 'vitest'
import type { ReadModelStore } from '@kerjasama/core'
import { createProjectionRunner, defineProjection, readerFor } from '../../src'
import type { Projection } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { crashingReadModels } from './support/faultyReadModels'
import { memoryStores } from './support/memoryStores'

/** The counting projection at `version`, its documents marked with the version that wrote them; `hold` makes apply wait at one position. */
function counting(version: number, hold?: { at: bigint; until: Promise<void> }, onApply?: () => void): Projection {
  const base = countingProjection()
  return defineProjection({
    ...base,
    version,
    async apply(event, tx) {
      onApply?.()
      if (hold !== undefined && event.position === hold.at) await hold.until
      await base.apply(event, tx)
      const document = (await tx.get('counts', event.streamId.split('-')[0] as string)) as Record<string, unknown>
      await tx.put('counts', event.streamId.split('-')[0] as string, { ...document, builtBy: version })
    },
  })
}

function expected(events: Awaited<ReturnType<typeof everyEvent>>, version: number) {
  return Object.fromEntries(Object.entries(referenceCounts(events)).map(([id, document]) => [id, { ...document, builtBy: version }]))
}

function gate(): { until: Promise<void>; open: () => void } {
  let open: () => void = () => undefined
  const until = new Promise<void>((resolve) => {
    open = resolve
  })
  return { until, open }
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function countingTransactions(store: ReadModelStore, onBuild: (key: string) => void): ReadModelStore {
  return { ...store, transaction: (key, work) => (key.includes('@') && !key.endsWith('@control') && onBuild(key), store.transaction(key, work)) }
}

describe('rebuild without downtime', () => {
  it('P9 bumping the version builds the new version beside the old one, which stays readable until the new one has caught up; then readers switch at once', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1', 'agreement-2', 'region-1', 'agreement-1', 'partner-2'])
    const events = await everyEvent(eventStore)
    await createProjectionRunner({ eventStore, readModels, projections: [counting(1)] }).catchUp()
    const reader = readerFor(readModels, countingProjection())
    expect(await documentsOf(reader, 'counts')).toEqual(expected(events, 1))

    const held = gate()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [counting(2, { at: 4n, until: held.until })], batchSize: 2, pollIntervalMs: 10 })
    await runner.start()
    await eventually(async () => (await runner.status())[0]?.rebuild?.checkpoint === 2n)
    const [during] = await runner.status()
    expect(during).toMatchObject({ state: 'rebuilding', active: { version: 1, generation: 0, checkpoint: 6n }, rebuild: { version: 2, generation: 0, checkpoint: 2n } })
    expect(await documentsOf(reader, 'counts')).toEqual(expected(events, 1))

    const seen: unknown[] = []
    const watching = (async () => {
      while (seen.length < 1000) {
        const documents = await documentsOf(reader, 'counts')
        seen.push(documents)
        if ((documents.agreement as { builtBy?: number } | undefined)?.builtBy === 2) return
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    })()
    held.open()
    await runner.waitUntilCaughtUp(6n, { timeoutMs: 5000 })
    await watching
    await runner.stop()
    // Every read saw one whole build: the old one, or the new one once it had caught up, never a half-built one.
    for (const documents of seen) expect([expected(events, 1), expected(events, 2)]).toContainEqual(documents)
    expect(await documentsOf(reader, 'counts')).toEqual(expected(events, 2))
    expect((await runner.status())[0]).toMatchObject({ state: 'caught-up', active: { version: 2, generation: 0, checkpoint: 6n }, rebuild: null })
  })

  it('P10 a rebuild killed midway resumes from its own checkpoint in the next process, applying no event twice', async () => {
    const stores = memoryStores()
    await appendTo(stores.eventStore, Array.from({ length: 10 }, (_, n) => `agreement-${n % 3}`))
    await createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [counting(1)] }).catchUp()
    let appliedByFirst = 0
    // Transactions: control, then batches of 3; the process dies right after the second batch commits.
    const dying = crashingReadModels(stores.again().readModels, { transaction: 3, at: 'after' })
    await createProjectionRunner({ eventStore: stores.eventStore, readModels: dying, projections: [counting(2, undefined, () => (appliedByFirst += 1))], batchSize: 3, leaseTtlMs: 50 })
      .catchUp()
      .catch(() => undefined)
    expect(dying.crashed()).toBe(true)
    expect(await stores.readModels.getCheckpoint('counts@2.0')).toBe(6n)
    await new Promise((resolve) => setTimeout(resolve, 60))

    let appliedBySecond = 0
    const [status] = await createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [counting(2, undefined, () => (appliedBySecond += 1))], batchSize: 3 }).catchUp()
    expect(appliedByFirst).toBe(6)
    expect(appliedBySecond).toBe(4)
    expect(status).toMatchObject({ state: 'caught-up', active: { version: 2, generation: 0, checkpoint: 10n } })
    expect(await documentsOf(readerFor(stores.readModels, countingProjection()), 'counts')).toEqual(expected(await everyEvent(stores.eventStore), 2))
  })

  it('P10 rebuild(name) builds the same version afresh in a new generation beside the active one and switches to it', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    const runner = createProjectionRunner({ eventStore, readModels, projections: [counting(1)] })
    await runner.catchUp()
    // A hand edit (or a bug since fixed) spoilt the live documents; the rebuild does not read them.
    await readModels.transaction('counts@1.0', async (tx) => tx.put('counts@1.0/counts', 'agreement', { spoilt: true }))
    const status = await runner.rebuild('counts')
    expect(status).toMatchObject({ state: 'caught-up', active: { version: 1, generation: 1, checkpoint: 3n }, rebuild: null })
    expect(await documentsOf(readerFor(readModels, countingProjection()), 'counts')).toEqual(expected(await everyEvent(eventStore), 1))
    // A second rebuild never reuses a generation, so it starts clean too.
    expect((await runner.rebuild('counts')).active).toMatchObject({ version: 1, generation: 2 })
  })

  it('P10 a rebuild takes the projection\'s lease: asked where another instance holds it, that instance does the work and the caller waits for the switch', async () => {
    const stores = memoryStores()
    await appendTo(stores.eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    const holder = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [counting(1)], holderId: 'instance-a', pollIntervalMs: 10 })
    await holder.start()
    await holder.waitUntilCaughtUp(3n, { timeoutMs: 5000 })
    const builtByB: string[] = []
    const other = createProjectionRunner({
      eventStore: stores.eventStore,
      readModels: countingTransactions(stores.again().readModels, (key) => builtByB.push(key)),
      projections: [counting(1)],
      holderId: 'instance-b',
      pollIntervalMs: 10,
    })
    const status = await other.rebuild('counts')
    expect(status).toMatchObject({ active: { version: 1, generation: 1 }, rebuild: null, holder: 'instance-a' })
    expect(builtByB).toEqual([])
    await holder.stop()
  })

  it('P13 older code never writes over a newer active version: it reports PROJECTION_SUPERSEDED and gives up the lease', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1'])
    await createProjectionRunner({ eventStore, readModels, projections: [counting(2)] }).catchUp()
    await appendTo(eventStore, ['agreement-2'])
    const old = createProjectionRunner({ eventStore, readModels, projections: [counting(1)], holderId: 'old-code' })
    await old.start()
    const [status] = await old.status()
    await old.stop()
    expect(status).toMatchObject({ state: 'failed', active: { version: 2 }, lastError: { code: 'PROJECTION_SUPERSEDED', details: { projection: 'counts', version: 1, activeVersion: 2 } } })
    expect(await readModels.leaseOf('projection:counts')).toBeUndefined()
    expect(await readModels.getCheckpoint('counts@2.0')).toBe(2n)
    expect(await readModels.getCheckpoint('counts@1.0')).toBe(0n)
    await expect(old.rebuild('counts')).rejects.toMatchObject({ code: 'PROJECTION_SUPERSEDED' })
  })
})
