import { describe, expect, it } from 'vitest'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('a runner used after stop()', () => {
  it('P1 catchUp() after stop() goes all the way to the head, not one batch', async () => {
    const { eventStore, readModels } = memoryStores()
    const projection = countingProjection()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [projection], batchSize: 2, pollIntervalMs: 5 })
    await runner.start()
    await runner.stop()
    const last = await appendTo(eventStore, Array.from({ length: 9 }, (_, n) => `agreement-${n}`))
    const [status] = await runner.catchUp()
    expect(status).toMatchObject({ state: 'caught-up', checkpoint: last, lag: 0n })
    expect(await documentsOf(readerFor(readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })

  it('P10 rebuild() after stop() builds afresh and switches, and the runner can start again', async () => {
    const { eventStore, readModels } = memoryStores()
    const projection = countingProjection()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [projection], batchSize: 2, pollIntervalMs: 5 })
    const first = await appendTo(eventStore, Array.from({ length: 5 }, (_, n) => `agreement-${n}`))
    await runner.start()
    await runner.waitUntilCaughtUp(first, { timeoutMs: 5000 })
    await runner.stop()
    const status = await runner.rebuild('counts')
    expect(status).toMatchObject({ state: 'caught-up', active: { version: 1, generation: 1, checkpoint: first } })
    await runner.start()
    const last = await appendTo(eventStore, ['agreement-9'])
    await runner.waitUntilCaughtUp(last, { timeoutMs: 5000 })
    await runner.stop()
    expect(await documentsOf(readerFor(readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })
})
