import { describe, expect, it } from 'vitest'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection, documentsOf, referenceCounts } from './support/countingProjection'
import { appendTo, everyEvent } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('createProjectionRunner', () => {
  it('P1 catches a user projection up from nothing in batches and reads it through readerFor', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'agreement-2', 'partner-1', 'agreement-1'])
    const projection = countingProjection()
    const runner = createProjectionRunner({ eventStore, readModels, projections: [projection], batchSize: 3 })
    const [status] = await runner.catchUp()
    expect(status).toMatchObject({ name: 'counts', state: 'caught-up', checkpoint: 4n, head: 4n, lag: 0n, lastError: null })
    expect(await documentsOf(readerFor(readModels, projection), 'counts')).toEqual(referenceCounts(await everyEvent(eventStore)))
  })
})
