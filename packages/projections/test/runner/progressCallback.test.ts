import { describe, expect, it } from 'vitest'
import { createProjectionRunner } from '../../src'
import type { Progress } from '../../src'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

const history = Array.from({ length: 12 }, (_, n) => `agreement-${n}`)

describe('a progress callback that fails', () => {
  it('P11 one that throws changes nothing: every projection catches up, with no error, and is told of every batch', async () => {
    const { eventStore, readModels } = memoryStores()
    const last = await appendTo(eventStore, history)
    const told: Progress[] = []
    const onProgress = (progress: Progress): void => {
      told.push(progress)
      throw new Error('the dashboard went away')
    }
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection(), countingProjection({ name: 'other' })], batchSize: 5, onProgress })
    const statuses = await runner.catchUp()
    for (const status of statuses) expect(status).toMatchObject({ state: 'caught-up', checkpoint: last, lastError: null })
    expect(told.filter((progress) => progress.projection === 'counts').map((progress) => progress.checkpoint)).toEqual([5n, 10n, 12n])
  })

  it('P11 one that returns a rejected promise changes nothing and leaves no unhandled rejection', async () => {
    const { eventStore, readModels } = memoryStores()
    const last = await appendTo(eventStore, history)
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason)
    }
    process.on('unhandledRejection', onUnhandled)
    try {
      const onProgress = async (): Promise<void> => {
        throw new Error('the dashboard went away')
      }
      const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], batchSize: 5, onProgress: onProgress as unknown as (progress: Progress) => void })
      const [status] = await runner.catchUp()
      expect(status).toMatchObject({ state: 'caught-up', checkpoint: last, lastError: null })
      // Unhandled rejections are announced after the microtask queue drains.
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
