import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { isKerjasamaError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import { agreementLifecycle, sequentialIds, testClock } from '../../src/testing'
import { countingStore } from './storeDoubles'

// expectedVersion is the service's side of HTTP's If-Match: the caller saw
// the agreement at a version and decided on that; at any other version the
// command is refused unseen, never re-decided on a state the caller has not read.

const START = '2022-02-22T02:00:00.000Z'

async function identified() {
  const store = countingStore(openMemoryStore())
  const service = createAgreementService({ store, clock: testClock(START), ids: sequentialIds('ev'), maxRetries: 10 })
  const [identify, map, feasibility] = agreementLifecycle('KSDPK', { agreementId: 'ev-1', start: START })
  await service.execute(identify!.command, { actor: identify!.actor })
  return { store, service, map: map!, feasibility: feasibility! }
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal')
    },
    (error: unknown) => error,
  )
}

describe('execute with expectedVersion', () => {
  it('at the stream’s version: decided and appended as without it', async () => {
    const { service, map } = await identified()
    const result = await service.execute(map.command, { actor: map.actor, expectedVersion: 1 })
    expect(result.version).toBe(2)
  })

  it('at a stale version: STREAM_VERSION_CONFLICT naming both versions, and nothing appended', async () => {
    const { service, store, map, feasibility } = await identified()
    await service.execute(map.command, { actor: map.actor })
    const appends = store.appends
    const error = await errorOf(service.execute(feasibility.command, { actor: feasibility.actor, expectedVersion: 1 }))
    expect(isKerjasamaError(error) && error.code).toBe('STREAM_VERSION_CONFLICT')
    expect(isKerjasamaError(error) && error.details).toMatchObject({ expected: 1, actual: 2 })
    expect(store.appends).toBe(appends)
    expect(await service.history('ev-1')).toHaveLength(2)
  })

  it('ten commands at once on one version: exactly one lands, the rest are conflicts even though the service retries', async () => {
    const { service, map } = await identified()
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => service.execute(map.command, { actor: map.actor, expectedVersion: 1 })))
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
    expect(refused.map((outcome) => isKerjasamaError(outcome.reason) && outcome.reason.code)).toEqual(Array(9).fill('STREAM_VERSION_CONFLICT'))
    expect(await service.history('ev-1')).toHaveLength(2)
  })

  it('a retried conditional write with its idempotency key gets the first result, though the version has moved on by that write', async () => {
    const { service, map } = await identified()
    const first = await service.execute(map.command, { actor: map.actor, expectedVersion: 1, idempotencyKey: 'map-1' })
    const again = await service.execute(map.command, { actor: map.actor, expectedVersion: 1, idempotencyKey: 'map-1' })
    expect(again).toEqual({ ...first, duplicate: true })
  })

  it('a negative or fractional expectedVersion is VALIDATION_FAILED', async () => {
    const { service, map } = await identified()
    for (const expectedVersion of [-1, 1.5]) {
      const error = await errorOf(service.execute(map.command, { actor: map.actor, expectedVersion }))
      expect(isKerjasamaError(error) && error.code).toBe('VALIDATION_FAILED')
    }
  })
})
