import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_EVENT_BYTES } from '@kerjasama/core/adapter'
import type { EventStoreSuite } from '../harness'
import { expectCoded } from '../expectCoded'
import { readAllEvents, readStreamEvents, sampleEvent, sampleMetadata, unique, viaJson } from '../sampleEvents'

const INDONESIAN = 'Kesepakatan Bersama antara Pemerintah Kabupaten Kebumen dan Universitas — gula merah, “mutu” & ½ harga; dāerah ñ'
const EMOJI = '🤝🏽 kerja sama 🇮🇩 👩🏾‍🌾 🧑‍💻 😀'
const ASTRAL = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 \u{10FFFD}'

/** A JSON value with strings over the whole Unicode range, including control characters and astral planes. */
const jsonValue = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 })

export function describeRoundTrip({ run, options }: EventStoreSuite): void {
  describe('R9 data and metadata round-trip exactly', () => {
    it('R9 for all JSON values as data and extra metadata, readStream and readAll give back exactly what JSON holds', run(async ({ open }) => {
      const store = await open()
      await fc.assert(
        fc.asyncProperty(jsonValue, fc.dictionary(fc.string({ unit: 'binary' }), jsonValue, { maxKeys: 4 }), async (data, extra) => {
          const streamId = unique('r9')
          const metadata = { ...extra, ...sampleMetadata() }
          await store.append(streamId, [{ type: 'Anything', schemaVersion: 3, data, metadata }], { expectedVersion: 'none' })
          const [event] = await readStreamEvents(store, streamId)
          expect(event?.data).toEqual(viaJson(data))
          expect(event?.metadata).toEqual(viaJson(metadata))
          expect(event).toMatchObject({ type: 'Anything', schemaVersion: 3, streamId, version: 1 })
        }),
        { numRuns: options.numRuns },
      )
    }), options.testTimeout)

    it('R9 Indonesian text, emoji, astral characters, nested JSON and SQL-looking text round-trip in data, metadata, type and ids', run(async ({ open }) => {
      const store = await open()
      const data = {
        judul: INDONESIAN,
        emoji: EMOJI,
        astral: ASTRAL,
        nested: { a: [1, -0.5, 1e21, 2 ** 53 - 1, null, true, { deep: [[['x']]] }], '': 'empty key', 'kunci dengan spasi': 'ok' },
        sqlLike: "'; DROP TABLE events; --",
        escapes: 'line\nbreak\ttab\u0000nul \\ "quotes"',
      }
      const metadata = sampleMetadata({ actor: { id: 'bupati-kebumen 🤝', role: 'kepala-daerah', actsFor: '33.05' }, catatan: EMOJI })
      const streamId = `kerja-sama/${EMOJI}/${INDONESIAN.slice(0, 40)}`
      const id = unique('évènement-🤝')
      await store.append(streamId, [{ id, type: 'KesepakatanDitandatangani ✍', schemaVersion: 2, data, metadata }], { expectedVersion: 'none' })
      const [event] = await readStreamEvents(store, streamId)
      expect(event).toMatchObject({ id, streamId, type: 'KesepakatanDitandatangani ✍', schemaVersion: 2 })
      expect(event?.data).toEqual(viaJson(data))
      expect(event?.metadata).toEqual(viaJson(metadata))
      expect((await readAllEvents(store))[0]).toEqual(event)
    }), options.testTimeout)

    it('R9 a payload exactly at maxEventBytes is stored; one byte more is PAYLOAD_TOO_LARGE and writes nothing', run(async ({ open }) => {
      const limit = options.maxEventBytes
      const store = await open({ maxEventBytes: limit })
      const metadata = sampleMetadata()
      const overhead = Buffer.byteLength(JSON.stringify(metadata)) + Buffer.byteLength(JSON.stringify({ text: '' }))
      // Mix multi-byte characters in so the limit is checked in UTF-8 bytes, not characters.
      const head = `${EMOJI}${INDONESIAN}`
      const fill = (bytes: number): string => head + 'x'.repeat(bytes - overhead - Buffer.byteLength(head))
      const fits = { text: fill(limit) }
      const tooBig = { text: fill(limit + 1) }
      await store.append('big', [{ type: 'Large', schemaVersion: 1, data: fits, metadata }], { expectedVersion: 'none' })
      const error = await expectCoded(() => store.append('big', [{ type: 'Large', schemaVersion: 1, data: tooBig, metadata }], { expectedVersion: 1 }), 'PAYLOAD_TOO_LARGE')
      expect(error.details).toMatchObject({ limit, bytes: limit + 1 })
      await expectCoded(() => store.append('big', [sampleEvent(), { type: 'Large', schemaVersion: 1, data: tooBig, metadata }], { expectedVersion: 1 }), 'PAYLOAD_TOO_LARGE')
      const events = await readStreamEvents(store, 'big')
      expect(events).toHaveLength(1)
      expect(events[0]?.data).toEqual(fits)
    }), options.testTimeout)

    it('R9 with no limit configured, an event just under DEFAULT_MAX_EVENT_BYTES (1 MiB) is stored whole and one just over it is PAYLOAD_TOO_LARGE', run(async ({ open }) => {
      const store = await open()
      const metadata = sampleMetadata()
      const overhead = Buffer.byteLength(JSON.stringify(metadata)) + Buffer.byteLength(JSON.stringify({ text: '' }))
      const ends = `${INDONESIAN} ${EMOJI} ${'🤝'.repeat(50)}`
      const large = { text: ends + 'gula merah '.repeat(DEFAULT_MAX_EVENT_BYTES).slice(0, DEFAULT_MAX_EVENT_BYTES - overhead - 2 * Buffer.byteLength(ends) - 100) + ends }
      const bytes = Buffer.byteLength(JSON.stringify(large)) + Buffer.byteLength(JSON.stringify(metadata))
      expect(bytes).toBeLessThanOrEqual(DEFAULT_MAX_EVENT_BYTES)
      expect(bytes).toBeGreaterThan(DEFAULT_MAX_EVENT_BYTES - 300)
      await store.append('besar', [{ type: 'Large', schemaVersion: 1, data: large, metadata }], { expectedVersion: 'none' })
      expect((await readStreamEvents(store, 'besar'))[0]?.data).toEqual(large)
      const over = { text: `${large.text}${'x'.repeat(DEFAULT_MAX_EVENT_BYTES - bytes + 1)}` }
      await expectCoded(() => store.append('besar', [{ type: 'Large', schemaVersion: 1, data: over, metadata }], { expectedVersion: 1 }), 'PAYLOAD_TOO_LARGE')
      expect((await store.verify()).ok).toBe(true)
    }), options.testTimeout)

    it('R9 a store-assigned id is unique and a caller-given id is kept', run(async ({ open }) => {
      const store = await open()
      const given = unique('given')
      await store.append('s1', [sampleEvent({}, { id: given }), sampleEvent(), sampleEvent()], { expectedVersion: 'none' })
      const events = await readStreamEvents(store, 's1')
      expect(events[0]?.id).toBe(given)
      const ids = events.map((event) => event.id)
      expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
      expect(new Set(ids).size).toBe(3)
    }), options.testTimeout)

    it('R9 mutating an event that was read changes nothing stored', run(async ({ open }) => {
      const store = await open()
      await store.append('s1', [sampleEvent({ list: [1, 2] })], { expectedVersion: 'none' })
      const [event] = await readStreamEvents(store, 's1')
      ;(event?.data as { list: number[] }).list.push(3)
      expect((await readStreamEvents(store, 's1'))[0]?.data).toEqual({ list: [1, 2] })
      expect((await store.verify()).ok).toBe(true)
    }), options.testTimeout)
  })
}
