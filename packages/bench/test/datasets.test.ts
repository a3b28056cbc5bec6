import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionCompleted } from '../src/datasets/actionCompleted'
import { catchUpLog } from '../src/datasets/catchUpLog'
import { LONG_STREAM, largeLog } from '../src/datasets/largeLog'
import type { BenchEvent } from '../src/subjects/benchSubject'

describe('the large data set', () => {
  it('for any size holds exactly that many events, the long stream exactly its length at gap-free versions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (thousands, longThousands) => {
        const total = thousands * 1000 + longThousands * 1000
        const appends = [...largeLog(total, longThousands * 1000)]
        expect(appends.reduce((sum, append) => sum + append.events.length, 0)).toBe(total)
        const long = appends.filter((append) => append.streamId === LONG_STREAM)
        expect(long.reduce((sum, append) => sum + append.events.length, 0)).toBe(longThousands * 1000)
        long.forEach((append, index) => expect(append.expectedVersion).toBe(index * 1000))
      }),
      { numRuns: 30 },
    )
  })

  it('spreads the long stream through the log rather than writing it in one run', () => {
    const positions = [...largeLog(100_000, 10_000)].flatMap((append, index) => (append.streamId === LONG_STREAM ? [index] : []))
    expect(positions).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
  })
})

describe('the catch-up data set', () => {
  const template: BenchEvent[] = Array.from({ length: 20 }, (_, index) => ({ ...actionCompleted(0, index), type: index === 0 ? 'CooperationIdentified' : 'ActionCompleted' }))

  it('for any size ends at exactly that many events, one new stream per agreement', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), (total) => {
        const appends = [...catchUpLog(template, total)]
        expect(appends.reduce((sum, append) => sum + append.events.length, 0)).toBe(total)
        expect(new Set(appends.map((append) => append.streamId)).size).toBe(appends.length)
        expect(appends.every((append) => append.expectedVersion === 0)).toBe(true)
      }),
    )
  })

  it('gives each agreement its own id in every event and a region of Jawa Tengah in its first event', () => {
    const [first, second] = [...catchUpLog(template, 100)]
    expect(first?.events[0]?.data).toMatchObject({ agreementId: 'bench-0', initiatingRegion: '33.01' })
    expect(second?.events[0]?.data).toMatchObject({ agreementId: 'bench-1', initiatingRegion: '33.02' })
    expect(new Set(second?.events.map((event) => event.data.agreementId))).toEqual(new Set(['bench-1']))
  })
})

describe('the ActionCompleted payload', () => {
  it('has an 80-character description, an ISO due date and one evidence URL, with actor and correlation id', () => {
    const event = actionCompleted(7, 3)
    expect((event.data.description as string).length).toBe(80)
    expect(event.data.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(event.data.evidence).toHaveLength(1)
    expect(Object.keys(event.metadata)).toEqual(['actor', 'correlationId'])
  })
})
