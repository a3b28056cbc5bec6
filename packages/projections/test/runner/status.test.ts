import { describe, expect, it } from 'vitest'
import { testClock } from '@kerjasama/core/testing'
import { RUNNER_COLLECTIONS, createProjectionRunner, defineProjection } from '../../src'
import type { Progress } from '../../src'
import { progressMeter } from '../../src/runner/status'
import { countingProjection } from './support/countingProjection'
import { appendTo } from './support/events'
import { memoryStores } from './support/memoryStores'

describe('status and progress', () => {
  it('P11 status names checkpoint, head, lag, state, last error and holder for each projection', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1', 'agreement-2'])
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection()], holderId: 'instance-1' })
    const [before] = await runner.status()
    expect(before).toEqual({ name: 'counts', version: 1, state: 'stopped', active: null, rebuild: null, checkpoint: 0n, head: 3n, lag: 3n, lastError: null, holder: null, retired: [] })
    await runner.start()
    await runner.waitUntilCaughtUp(3n, { timeoutMs: 5000 })
    const [live] = await runner.status()
    expect(live).toEqual({
      name: 'counts',
      version: 1,
      state: 'caught-up',
      active: { version: 1, generation: 0, checkpoint: 3n },
      rebuild: null,
      checkpoint: 3n,
      head: 3n,
      lag: 0n,
      lastError: null,
      holder: 'instance-1',
      retired: [],
    })
    await runner.stop()
    await appendTo(eventStore, ['agreement-3', 'region-1'])
    // Another instance, not working on it, still sees how far behind it is.
    const [elsewhere] = await createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] }).status()
    expect(elsewhere).toMatchObject({ state: 'stopped', checkpoint: 3n, head: 5n, lag: 2n, holder: null })
  })

  it('P11 the progress callback reports events done of the total, the rate and the time left, after every batch', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, Array.from({ length: 10 }, (_, n) => `agreement-${n}`))
    const clock = testClock('2026-01-01T00:00:00.000Z')
    const reports: Progress[] = []
    // Each event takes a second of the test clock, so rates and ETAs are exact.
    const slow = defineProjection({ ...countingProjection(), apply: async (event, tx) => (clock.advance({ ms: 1000 }), countingProjection().apply(event, tx)) })
    await createProjectionRunner({ eventStore, readModels, projections: [slow], batchSize: 4, clock, onProgress: (progress) => reports.push(progress) }).catchUp()
    expect(reports.map(({ done, total, checkpoint, ratePerSecond, etaMs }) => ({ done, total, checkpoint, ratePerSecond, etaMs }))).toEqual([
      { done: 4, total: 10, checkpoint: 4n, ratePerSecond: 1, etaMs: 6000 },
      { done: 8, total: 10, checkpoint: 8n, ratePerSecond: 1, etaMs: 2000 },
      { done: 10, total: 10, checkpoint: 10n, ratePerSecond: 1, etaMs: 0 },
    ])
    expect(reports[0]).toMatchObject({ projection: 'counts', build: { version: 1, generation: 0 }, rebuilding: false })
  })

  it('P11 while the head is unknown the total and the time left stay null rather than guessed', () => {
    const meter = progressMeter(0)
    expect(meter({ done: 0, checkpoint: 0n, head: null, now: 0 })).toEqual({ done: 0, total: null, checkpoint: 0n, ratePerSecond: 0, etaMs: null })
    expect(meter({ done: 5, checkpoint: 5n, head: 20n, now: 2500 })).toEqual({ done: 5, total: 20, checkpoint: 5n, ratePerSecond: 2, etaMs: 7500 })
  })

  it('P11 a rebuild reports progress flagged as a rebuild against the whole log', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, Array.from({ length: 6 }, (_, n) => `agreement-${n}`))
    await createProjectionRunner({ eventStore, readModels, projections: [countingProjection()] }).catchUp()
    const reports: Progress[] = []
    await createProjectionRunner({ eventStore, readModels, projections: [countingProjection({ version: 2 })], batchSize: 4, onProgress: (progress) => reports.push(progress) }).catchUp()
    expect(reports.map(({ rebuilding, done, total, build }) => ({ rebuilding, done, total, build }))).toEqual([
      { rebuilding: true, done: 4, total: 6, build: { version: 2, generation: 0 } },
      { rebuilding: true, done: 6, total: 6, build: { version: 2, generation: 0 } },
    ])
  })

  it('P11 a hand-edited, unreadable control record fails that projection\'s status only; the others report and run as usual', async () => {
    const { eventStore, readModels } = memoryStores()
    await appendTo(eventStore, ['agreement-1', 'partner-1'])
    const runner = createProjectionRunner({ eventStore, readModels, projections: [countingProjection(), countingProjection({ name: 'other' })] })
    await runner.catchUp()
    await readModels.transaction('counts@control', async (tx) => tx.put(RUNNER_COLLECTIONS.builds, 'counts', { active: 'v1' }))
    const [counts, other] = await runner.catchUp()
    expect(counts).toMatchObject({ name: 'counts', state: 'failed', lastError: { code: 'VALIDATION_FAILED', message: { id: expect.stringContaining('catatan kendali proyeksi') } } })
    expect(other).toMatchObject({ name: 'other', state: 'caught-up', checkpoint: 2n, lastError: null })
  })
})
