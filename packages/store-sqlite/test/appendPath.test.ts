import { createHash, randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { InvalidStoreInput } from '@kerjasama/core'
import { assertJsonValue, eventHash, GENESIS_HASH } from '@kerjasama/core/adapter'
import type { HashableEvent } from '@kerjasama/core/adapter'
import { newEventId } from '../src/eventIds'
import { openSqliteStore } from '../src/index'
import { event, events } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** The chain's hash as every earlier release computed it: one Hash object over the fields joined by newlines. */
function earlierEventHash(previousHash: string, e: HashableEvent): string {
  const input = [previousHash, e.tenant, e.streamId, String(e.version), e.id, e.type, String(e.schemaVersion), e.dataJson, e.metadataJson].join('\n')
  return createHash('sha256').update(input, 'utf8').digest('hex')
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('the append path', () => {
  it('R11 for all events, the hash is byte for byte the one earlier releases stored', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 })
    const hashable = fc.record({
      id: text,
      tenant: text,
      streamId: text,
      version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      type: text,
      schemaVersion: fc.integer({ min: 1, max: 1000 }),
      dataJson: fc.jsonValue().map((value) => JSON.stringify(value)),
      metadataJson: text,
    })
    fc.assert(
      fc.property(fc.oneof(fc.constant(GENESIS_HASH), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })), hashable, (previous, e) => {
        expect(eventHash(previous, e)).toBe(earlierEventHash(previous, e))
      }),
    )
  })

  it('R9 for all values, the JSON check accepts and refuses exactly as the full walk does, with the same error', () => {
    const unusual = fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(10n),
      fc.constant(() => 1),
      fc.constant(Symbol('s')),
      fc.constant(new Date(0)),
      fc.constant(new Map()),
      fc.constant('\ud800'),
      fc.constant({ ['\udc00']: 1 }),
      fc.constant([1, , 3]),
      fc.constant(Object.create(null) as object),
    )
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), unusual, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ unit: 'binary', maxLength: 5 }), tie('node'), { maxKeys: 4 })),
    })).node
    const outcome = (check: () => void): unknown => {
      try {
        check()
        return 'accepted'
      } catch (error) {
        const { code, message, details, localized } = error as { code?: unknown; message?: unknown; details?: unknown; localized?: unknown }
        return { code, message, details, localized }
      }
    }
    fc.assert(
      fc.property(value, (candidate) => {
        expect(outcome(() => assertJsonValue(candidate, 'data'))).toEqual(outcome(() => fullWalk(candidate, 'data')))
      }),
      { numRuns: 500 },
    )
    const cyclic: Record<string, unknown> = { a: [1] }
    ;(cyclic.a as unknown[]).push(cyclic)
    const nested = (levels: number) => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], 1)
    for (const candidate of [cyclic, nested(1000), nested(256), nested(257), { shared: [cyclic.a, cyclic.a] }]) {
      expect(outcome(() => assertJsonValue(candidate, 'data'))).toEqual(outcome(() => fullWalk(candidate, 'data')))
    }
    // At the limit, both ways round: 256 levels pass, 257 do not.
    expect(outcome(() => assertJsonValue(nested(256), 'data'))).toBe('accepted')
    expect(outcome(() => assertJsonValue(nested(257), 'data'))).toMatchObject({ code: 'STORE_INPUT_INVALID', details: { field: 'data', maxDepth: 256 } })
  })

  it('for all clock readings, even going back or staying in one millisecond past 4,096 ids, ids made by the store are UUIDv7, distinct, and sort in the order they were made', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(0)), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 5000 }), (steps, burst) => {
        let now = Date.now()
        const ids: string[] = []
        for (const step of steps) {
          now += step
          ids.push(newEventId(now))
        }
        for (let index = 0; index < burst; index += 1) ids.push(newEventId(now))
        expect(ids.every((id) => UUID_V7.test(id))).toBe(true)
        expect(new Set(ids).size).toBe(ids.length)
        expect([...ids].sort()).toEqual(ids)
      }),
      { numRuns: 30 },
    )
  })

  it('an append without ids stores UUIDv7 ids in the order of the events', async () => {
    const store = openSqliteStore({ file: ':memory:' })
    await store.append('s', events(5), { expectedVersion: 'none' })
    const ids: string[] = []
    for await (const stored of store.readStream('s')) ids.push(stored.id)
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
    await store.close()
  })

  it('R11 a file written by an earlier release (random ids, the earlier hashing) verifies, takes appends, and verifies again', async () => {
    const database = tempDatabase('earlier-file')
    cleanups.push(database.remove)
    await openSqliteStore({ file: database.file }).close()
    // Rows as the earlier release wrote them, computed here without this release's code.
    const db = new Database(database.file)
    const metadataJson = JSON.stringify(event().metadata)
    let previous = GENESIS_HASH
    for (let version = 1; version <= 3; version += 1) {
      const row: HashableEvent = { id: randomUUID(), tenant: 'default', streamId: 'earlier', version, type: 'Written', schemaVersion: 1, dataJson: JSON.stringify({ version }), metadataJson }
      previous = earlierEventHash(previous, row)
      db.prepare('INSERT INTO events (tenant, stream_id, version, id, type, schema_version, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        row.tenant, row.streamId, row.version, row.id, row.type, row.schemaVersion, row.dataJson, row.metadataJson, previous,
      )
    }
    db.prepare('INSERT INTO streams (tenant, stream_id, version, last_hash) VALUES (?, ?, ?, ?)').run('default', 'earlier', 3, previous)
    db.close()

    const store = openSqliteStore({ file: database.file })
    expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 3 })
    await store.append('earlier', events(2), { expectedVersion: 3 })
    await store.append('later', events(2), { expectedVersion: 'none' })
    expect(await store.verify()).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 7 })
    await store.close()
  })
})

/** The JSON check as it stood before its quick walk (core's storeInput.ts), with its nesting limit, the oracle the quick walk must agree with. */
function fullWalk(value: unknown, field: string): void {
  const seen = new Set<object>()
  const visit = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node === 'boolean') return
    if (typeof node === 'string') {
      if (!node.isWellFormed()) {
        throw new InvalidStoreInput({ id: `${path} berisi string yang bukan Unicode tersusun benar (well-formed)`, en: `${path} holds a string that is not well-formed Unicode` }, { field: path })
      }
      return
    }
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) {
        throw new InvalidStoreInput({ id: `${path} berisi angka yang tidak dapat dinyatakan dalam JSON`, en: `${path} holds a number JSON cannot represent` }, { field: path })
      }
      return
    }
    if (typeof node !== 'object') {
      throw new InvalidStoreInput({ id: `${path} berisi ${typeof node}, yang tidak dapat dinyatakan dalam JSON`, en: `${path} holds a ${typeof node}, which JSON cannot represent` }, { field: path })
    }
    if (seen.has(node)) throw new InvalidStoreInput({ id: `${path} memuat rujukan melingkar (siklik)`, en: `${path} is cyclic` }, { field: path })
    if (depth >= 256) throw new InvalidStoreInput({ id: `${field} bersarang lebih dalam dari 256 tingkat`, en: `${field} is nested deeper than 256 levels` }, { field, maxDepth: 256 })
    seen.add(node)
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        if (item === undefined) {
          throw new InvalidStoreInput({ id: `${path}[${index}] bernilai undefined`, en: `${path}[${index}] is undefined` }, { field: path })
        }
        visit(item, `${path}[${index}]`, depth + 1)
      })
    } else {
      const prototype = Object.getPrototypeOf(node)
      if (prototype !== Object.prototype && prototype !== null) {
        throw new InvalidStoreInput({ id: `${path} bukan objek biasa (plain object)`, en: `${path} is not a plain object` }, { field: path })
      }
      for (const [key, child] of Object.entries(node)) {
        if (!key.isWellFormed()) {
          throw new InvalidStoreInput({ id: `${path} memiliki kunci yang bukan Unicode tersusun benar (well-formed)`, en: `${path} has a key that is not well-formed Unicode` }, { field: path })
        }
        if (child !== undefined) visit(child, `${path}.${key}`, depth + 1)
      }
    }
    seen.delete(node)
  }
  visit(value, field, 0)
}
