import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_EVENTS_PER_APPEND } from '@kerjasama/core/adapter'
import type { EventStore, NewEvent } from '@kerjasama/core'
import type { EventStoreSuite } from '../harness'
import { expectCoded, isCodedError } from '../expectCoded'
import { collect, readAllEvents, readStreamEvents, sampleEvent, sampleMetadata } from '../sampleEvents'

/** Stream ids and text that break naive SQL, LIKE patterns or shell quoting; all are legal and must be stored as given. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE x; --",
  "Robert'); DROP TABLE events;--",
  '" OR 1=1 --',
  "' OR '1'='1",
  '%',
  '_',
  'a_b',
  'a%b',
  '\\',
  '$1',
  '?',
  ':name',
  '/* comment */',
  '`backtick`',
  'null',
  'NULL',
  'undefined',
  '0',
  ' ',
  'x'.repeat(200),
] as const

function cyclic(): unknown {
  const node: Record<string, unknown> = { name: 'loop' }
  node.self = node
  return node
}

/** Objects nested `levels` deep, built without recursion: deep enough, a recursive walk overflows the stack. */
export function nestedDeep(levels: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: true }
  for (let level = 1; level < levels; level += 1) node = { child: node }
  return node
}

const BAD_DATA: Array<[string, unknown]> = [
  ['a BigInt', { amount: 10n }],
  ['a cycle', cyclic()],
  ['NaN', { score: Number.NaN }],
  ['Infinity', [Number.POSITIVE_INFINITY]],
  ['a function', { run: () => 1 }],
  ['a symbol', { s: Symbol('x') }],
  ['a Date object', { at: new Date(0) }],
  ['a Map', new Map([['a', 1]])],
  ['a lone surrogate', { text: 'broken \uD83D here' }],
  ['undefined data', undefined],
  ['undefined in an array', [1, undefined]],
  ['nesting past the limit', nestedDeep(300)],
  ['nesting that would overflow the stack', nestedDeep(20_000)],
]

const BAD_EVENTS: Array<[string, unknown]> = [
  ['events not an array', sampleEvent()],
  ['no events', []],
  ['a null event', [null]],
  ['an event that is a string', ['event']],
  ['an empty type', [{ ...sampleEvent(), type: '' }]],
  ['a numeric type', [{ ...sampleEvent(), type: 7 }]],
  ['schemaVersion 0', [{ ...sampleEvent(), schemaVersion: 0 }]],
  ['schemaVersion 1.5', [{ ...sampleEvent(), schemaVersion: 1.5 }]],
  ['schemaVersion as text', [{ ...sampleEvent(), schemaVersion: '1' }]],
  ['metadata missing', [{ type: 'T', schemaVersion: 1, data: {} }]],
  ['metadata null', [{ ...sampleEvent(), metadata: null }]],
  ['an empty event id', [{ ...sampleEvent(), id: '' }]],
  ['a numeric event id', [{ ...sampleEvent(), id: 12 }]],
  ['more events than MAX_EVENTS_PER_APPEND', Array.from({ length: MAX_EVENTS_PER_APPEND + 1 }, () => sampleEvent())],
]

const BAD_OPTIONS: Array<[string, unknown]> = [
  ['no options', undefined],
  ['null options', null],
  ['expectedVersion -1', { expectedVersion: -1 }],
  ['expectedVersion 1.5', { expectedVersion: 1.5 }],
  ["expectedVersion '0'", { expectedVersion: '0' }],
  ['expectedVersion NaN', { expectedVersion: Number.NaN }],
  ['expectedVersion as a BigInt', { expectedVersion: 0n }],
  ['a numeric idempotency key', { expectedVersion: 'any', idempotencyKey: 5 }],
  ['an empty idempotency key', { expectedVersion: 'any', idempotencyKey: '' }],
]

const BAD_STREAM_IDS: Array<[string, unknown]> = [
  ['empty', ''],
  ['201 characters', 'x'.repeat(201)],
  ['a newline', 'a\nb'],
  ['a NUL character', 'a\u0000b'],
  ['a lone surrogate', 'a\uD800'],
  ['a number', 42],
  ['null', null],
  ['an object', { id: 's' }],
]

async function expectNothingWritten(store: EventStore, before: number): Promise<void> {
  expect(await readAllEvents(store)).toHaveLength(before)
}

export function describeBadInput({ run, options }: EventStoreSuite): void {
  describe('R10 bad input', () => {
    it('R10 SQL metacharacters and other hostile strings are stored as given, as stream ids and as data', run(async ({ open }) => {
      const store = await open()
      for (const text of HOSTILE_STRINGS) {
        await store.append(text, [sampleEvent({ text }, { type: text.slice(0, 100) })], { expectedVersion: 'none', idempotencyKey: text })
      }
      for (const text of HOSTILE_STRINGS) {
        const events = await readStreamEvents(store, text)
        expect(events).toHaveLength(1)
        expect(events[0]).toMatchObject({ streamId: text, data: { text }, version: 1 })
      }
      // LIKE wildcards match only themselves.
      expect((await readStreamEvents(store, '%')).map((event) => event.streamId)).toEqual(['%'])
      expect((await readStreamEvents(store, 'a_b')).map((event) => event.streamId)).toEqual(['a_b'])
      expect(await readAllEvents(store)).toHaveLength(HOSTILE_STRINGS.length)
      expect((await store.verify()).ok).toBe(true)
    }), options.testTimeout)

    it('R10 stream ids that are empty, too long, contain control characters or are not strings are refused with STORE_INPUT_INVALID', run(async ({ open }) => {
      const store = await open()
      for (const [, streamId] of BAD_STREAM_IDS) {
        await expectCoded(() => store.append(streamId as string, [sampleEvent()], { expectedVersion: 'any' }), 'STORE_INPUT_INVALID')
        await expectCoded(() => collect(store.readStream(streamId as string)), 'STORE_INPUT_INVALID')
      }
      await expectNothingWritten(store, 0)
    }), options.testTimeout)

    it('R10 data or metadata JSON cannot hold (BigInt, cycles, NaN, functions, class instances, lone surrogates, nesting past 256 levels) are refused and nothing is written', run(async ({ open }) => {
      const store = await open()
      for (const [, data] of BAD_DATA) {
        await expectCoded(() => store.append('s1', [sampleEvent({ ok: true }), { ...sampleEvent(), data }], { expectedVersion: 'any' }), 'STORE_INPUT_INVALID')
        await expectCoded(() => store.append('s1', [{ ...sampleEvent(), metadata: { ...sampleMetadata(), extra: [data] } }], { expectedVersion: 'any' }), 'STORE_INPUT_INVALID')
      }
      await expectNothingWritten(store, 0)
    }), options.testTimeout)

    it('R10 data nested 256 levels deep, the most allowed, is stored and read back as given', run(async ({ open }) => {
      const store = await open()
      const data = nestedDeep(256)
      await store.append('deep', [{ ...sampleEvent(), data }], { expectedVersion: 'none' })
      const [stored] = await collect(store.readStream('deep'))
      expect(stored?.data).toEqual(data)
    }), options.testTimeout)

    it('R10 malformed events and append options are refused with STORE_INPUT_INVALID and nothing is written', run(async ({ open }) => {
      const store = await open()
      for (const [, events] of BAD_EVENTS) {
        await expectCoded(() => store.append('s1', events as NewEvent[], { expectedVersion: 'any' }), 'STORE_INPUT_INVALID')
      }
      for (const [, appendOptions] of BAD_OPTIONS) {
        await expectCoded(() => store.append('s1', [sampleEvent()], appendOptions as never), 'STORE_INPUT_INVALID')
      }
      await expectNothingWritten(store, 0)
    }), options.testTimeout)

    it('R10 malformed read options are refused with STORE_INPUT_INVALID', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', [sampleEvent()], { expectedVersion: 'none' })
      for (const readOptions of [{ fromVersion: -1 }, { fromVersion: 1.5 }, { toVersion: '3' }, { fromVersion: Number.NaN }]) {
        await expectCoded(() => collect(store.readStream('s1', readOptions as never)), 'STORE_INPUT_INVALID')
      }
      for (const readOptions of [{ fromPosition: 5 }, { fromPosition: -1n }, { fromPosition: '1' }, { batchSize: 0 }, { batchSize: -3 }, { batchSize: 2.5 }]) {
        await expectCoded(() => collect(store.readAll(readOptions as never)), 'STORE_INPUT_INVALID')
      }
    }), options.testTimeout)

    it('R10 errors name the field and the rule, never the payload or SQL text', run(async ({ open, options: suiteOptions }) => {
      const store = await open({ maxEventBytes: suiteOptions.maxEventBytes })
      const marker = 'RAHASIA-payload-7f3a'
      await store.append('s1', [sampleEvent({ marker })], { expectedVersion: 'none' })
      const errors = [
        await expectCoded(() => store.append('s1', [sampleEvent({ marker, pad: marker.repeat(Math.ceil(suiteOptions.maxEventBytes / marker.length) + 1) })], { expectedVersion: 1 }), 'PAYLOAD_TOO_LARGE'),
        await expectCoded(() => store.append('s1', [sampleEvent({ marker, amount: 1n })], { expectedVersion: 1 }), 'STORE_INPUT_INVALID'),
        await expectCoded(() => store.append('s1', [sampleEvent({ marker })], { expectedVersion: 7 }), 'STREAM_VERSION_CONFLICT'),
        await expectCoded(() => store.append('s1', [sampleEvent({ marker, loop: cyclic() })], { expectedVersion: 1 }), 'STORE_INPUT_INVALID'),
        await expectCoded(() => store.append('', [sampleEvent({ marker })], { expectedVersion: 'none' }), 'STORE_INPUT_INVALID'),
      ]
      for (const error of errors) {
        const shown = JSON.stringify({ message: error.message, localized: error.localized, details: error.details }, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
        expect(shown).not.toContain(marker)
        expect(shown).not.toMatch(/\b(select|insert|update|delete)\b[^]*\b(from|into|set|where)\b/i)
      }
    }), options.testTimeout)

    it('R10 for all arbitrary arguments, append either refuses with a coded error and writes nothing, or writes', run(async ({ open }) => {
      const store = await open()
      let stored = 0
      await fc.assert(
        fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), async (streamId, events, appendOptions) => {
          try {
            const result = await store.append(streamId as string, events as NewEvent[], appendOptions as never)
            if (!result.duplicate) stored += (events as unknown[]).length
          } catch (error) {
            if (!isCodedError(error)) throw error
          }
          expect(await readAllEvents(store)).toHaveLength(stored)
        }),
        { numRuns: Math.max(options.numRuns * 4, 100) },
      )
    }), options.testTimeout)

    it('R10 for all arbitrary read arguments, readStream and readAll refuse with coded errors or read', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', [sampleEvent()], { expectedVersion: 'none' })
      await fc.assert(
        fc.asyncProperty(fc.anything(), fc.anything(), async (streamId, readOptions) => {
          for (const read of [() => collect(store.readStream(streamId as string, readOptions as never)), () => collect(store.readAll(readOptions as never))]) {
            try {
              await read()
            } catch (error) {
              if (!isCodedError(error)) throw error
            }
          }
        }),
        { numRuns: Math.max(options.numRuns * 2, 50) },
      )
    }), options.testTimeout)
  })
}
