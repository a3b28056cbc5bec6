import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { AppendOptions, NewEvent } from '@kerjasama/core'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readAllEvents, sampleEvent, sampleMetadata, unique, viaJson } from '../sampleEvents'

type Content = { type: 'A' | 'B'; schemaVersion: 1 | 2; data: Record<string, unknown> }
type Attempt = { stream: 'x' | 'y'; contents: Content[]; fingerprint: 'f1' | 'f2' | undefined }

// Small domains, so that two independently drawn appends are often equal and
// the "same content" branch is exercised as much as the "other content" one.
const content: fc.Arbitrary<Content> = fc.record({
  type: fc.constantFrom('A' as const, 'B' as const),
  schemaVersion: fc.constantFrom(1 as const, 2 as const),
  data: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.constantFrom(0, 1, 'x', true, null), fc.constant({ nested: [1, 'two'] })), { maxKeys: 2 }),
})
const attempt: fc.Arbitrary<Attempt> = fc.record({
  stream: fc.constantFrom('x' as const, 'y' as const),
  contents: fc.array(content, { minLength: 1, maxLength: 2 }),
  fingerprint: fc.constantFrom('f1' as const, 'f2' as const, undefined, undefined),
})

/** The same content as a retry would send it: fresh ids and metadata, object keys in another order. */
function asRetry(original: Attempt): Attempt {
  return { ...original, contents: original.contents.map((item) => ({ ...item, data: Object.fromEntries(Object.entries(item.data).reverse()) })) }
}

/** What R4 says about the second append: the first result exactly when it stands for the same command. */
function sameCommand(first: Attempt, second: Attempt): boolean {
  if (first.fingerprint !== undefined || second.fingerprint !== undefined) return first.fingerprint === second.fingerprint
  // Through JSON first: fast-check builds some objects without a prototype, which JSON (and R4) ignore.
  return first.stream === second.stream && isDeepStrictEqual(viaJson(first.contents), viaJson(second.contents))
}

function toEvents(item: Attempt, label: string): NewEvent[] {
  return item.contents.map((entry, index) =>
    sampleEvent(entry.data, { id: unique(`${label}-${index}`), type: entry.type, schemaVersion: entry.schemaVersion, metadata: sampleMetadata({ correlationId: unique(label) }) }),
  )
}

export function describeIdempotencyProperty({ run, options }: EventStoreSuite): void {
  it('R4 for all pairs of appends with one key, the second returns the first result exactly when stream, types, schema versions and data (or the given fingerprints) match, and is IDEMPOTENCY_KEY_REUSED otherwise; nothing is written twice', run(async ({ open }) => {
    const store = await open()
    await fc.assert(
      fc.asyncProperty(attempt, attempt, fc.boolean(), async (first, drawn, retry) => {
        const second = retry ? asRetry(first) : drawn
        const prefix = unique('pair')
        const idempotencyKey = `${prefix}-key`
        const optionsOf = (item: Attempt): AppendOptions =>
          item.fingerprint === undefined ? { expectedVersion: 'any', idempotencyKey } : { expectedVersion: 'any', idempotencyKey, idempotencyFingerprint: item.fingerprint }
        const firstResult = await store.append(`${prefix}-${first.stream}`, toEvents(first, 'first'), optionsOf(first))
        const appendSecond = () => store.append(`${prefix}-${second.stream}`, toEvents(second, 'second'), optionsOf(second))
        if (sameCommand(first, second)) {
          expect(await appendSecond()).toEqual({ ...firstResult, duplicate: true })
        } else {
          const error = await expectCoded(appendSecond, 'IDEMPOTENCY_KEY_REUSED')
          expect(error.details).toEqual({ idempotencyKey })
        }
        const mine = (await readAllEvents(store)).filter((event) => event.streamId.startsWith(`${prefix}-`))
        expect(mine).toHaveLength(first.contents.length)
        for (const event of mine) expect(event.position >= firstResult.firstPosition && event.position <= firstResult.lastPosition).toBe(true)
      }),
      { numRuns: options.numRuns },
    )
  }), options.testTimeout)
}
