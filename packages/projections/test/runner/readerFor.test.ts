import { describe, expect, it } from 'vitest'
import { createProjectionRunner, readerFor } from '../../src'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('readerFor', () => {
  it('P9 reads logical collections from the active build, by id and by indexed field, and reads as empty before anything was built', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    const reader = readerFor(readModels, { name: 'counts' })
    expect(await reader.get('counts', 'agreement')).toBeUndefined()
    expect(await reader.query('counts')).toEqual({ items: [] })
    await createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] }).catchUp()
    expect(await reader.get('counts', 'agreement')).toMatchObject({ streamType: 'agreement', events: 2 })
    expect((await reader.query('counts', { where: { streamType: 'partner' } })).items).toEqual([
      { id: 'partner', document: { streamType: 'partner', events: 1, order: expect.any(Number), lastPosition: '2' } },
    ])
    await expect(reader.query('counts', { where: { events: 2 } })).rejects.toMatchObject({ code: 'READ_MODEL_FIELD_NOT_INDEXED' })
  })
})
