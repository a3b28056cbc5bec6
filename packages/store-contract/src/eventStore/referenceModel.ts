import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AppendResult, ExpectedVersion } from '@kerjasama/core'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readAllEvents, sampleEvents, unique } from '../sampleEvents'

type Step = {
  stream: 'a' | 'b' | 'c'
  count: number
  expectation: 'any' | 'none' | 'current' | 'stale' | 'ahead'
  key: 'k1' | 'k2' | 'k3' | undefined
}

const step: fc.Arbitrary<Step> = fc.record({
  stream: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
  count: fc.integer({ min: 1, max: 3 }),
  expectation: fc.constantFrom('any' as const, 'none' as const, 'current' as const, 'current' as const, 'stale' as const, 'ahead' as const),
  key: fc.option(fc.constantFrom('k1' as const, 'k2' as const, 'k3' as const), { nil: undefined }),
})

function expectedVersionFor(expectation: Step['expectation'], current: number): ExpectedVersion {
  switch (expectation) {
    case 'any':
    case 'none':
      return expectation
    case 'current':
      return current
    case 'stale':
      return current > 0 ? current - 1 : current + 1
    case 'ahead':
      return current + 1
  }
}

/**
 * The store against a plain model of R2–R4 over random sequences: which
 * appends write, which conflict, which are duplicates, and what each returns.
 */
export function describeReferenceModel({ run, options }: EventStoreSuite): void {
  describe('R2–R4 against a reference model', () => {
    it('R4 for all sequences of appends with repeated keys and any expected versions, the store agrees with a model of R2, R3 and R4', run(async ({ open }) => {
      const store = await open()
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
          const prefix = unique('model')
          const versions = new Map<string, number>()
          // R4: a key stands for its first append's stream and events; sampleEvents(count) is the same content for the same count.
          const firstResults = new Map<string, { result: AppendResult; streamId: string; count: number }>()
          let lastPosition = -1n
          let written = 0
          for (const { stream, count, expectation, key } of steps) {
            const streamId = `${prefix}-${stream}`
            const current = versions.get(streamId) ?? 0
            const expectedVersion = expectedVersionFor(expectation, current)
            const idempotencyKey = key === undefined ? undefined : `${prefix}-${key}`
            const appendOptions = idempotencyKey === undefined ? { expectedVersion } : { expectedVersion, idempotencyKey }
            const first = idempotencyKey === undefined ? undefined : firstResults.get(idempotencyKey)
            const matches = expectedVersion === 'any' || (expectedVersion === 'none' ? current === 0 : expectedVersion === current)
            if (first !== undefined && first.streamId === streamId && first.count === count) {
              expect(await store.append(streamId, sampleEvents(count), appendOptions)).toEqual({ ...first.result, duplicate: true })
            } else if (first !== undefined) {
              await expectCoded(() => store.append(streamId, sampleEvents(count), appendOptions), 'IDEMPOTENCY_KEY_REUSED')
            } else if (!matches) {
              await expectCoded(() => store.append(streamId, sampleEvents(count), appendOptions), 'STREAM_VERSION_CONFLICT')
            } else {
              const result = await store.append(streamId, sampleEvents(count), appendOptions)
              expect(result).toMatchObject({ streamId, nextExpectedVersion: current + count, duplicate: false })
              expect(result.firstPosition > lastPosition).toBe(true)
              lastPosition = result.lastPosition
              versions.set(streamId, current + count)
              written += count
              if (idempotencyKey !== undefined) firstResults.set(idempotencyKey, { result, streamId, count })
            }
          }
          const mine = (await readAllEvents(store)).filter((event) => event.streamId.startsWith(`${prefix}-`))
          expect(mine).toHaveLength(written)
          for (const [streamId, version] of versions) {
            expect(mine.filter((event) => event.streamId === streamId).map((event) => event.version)).toEqual(Array.from({ length: version }, (_, index) => index + 1))
          }
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)
  })
}
