import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { InvalidStoreInput } from '@kerjasama/core'
import { checkReadAllOptions, checkReadStreamOptions, checkTenantScope, prepareAppend } from '@kerjasama/core/adapter'
import type { ReadModelTransaction } from '@kerjasama/core'

// Each kind of reason reached (field left out, numbers as N); the last test
// checks the generators reach them all.
const reasonsSeen = new Set<string>()

// An official reads localized.id; an English reason inside it breaks the
// library's rule that every message comes in both languages.
function expectBilingual(error: unknown): void {
  if (!(error instanceof InvalidStoreInput)) return
  const { id, en } = error.localized
  const reason = error.details.reason
  expect(typeof reason).toBe('string')
  expect(en).toBe(`Store input refused: ${String(reason)}`)
  expect(id).toMatch(/^Masukan ke penyimpanan ditolak: \S/)
  expect(id).not.toBe(en)
  expect(id).not.toContain(String(reason))
  const field = String(error.details.field ?? '')
  reasonsSeen.add((String(reason).startsWith(field) ? String(reason).slice(field.length) : String(reason)).replace(/\d+/g, 'N'))
}

function attempt(run: () => unknown): void {
  try {
    run()
  } catch (error) {
    expectBilingual(error)
  }
}

async function attemptAsync(run: () => Promise<unknown>): Promise<void> {
  await run().catch((error: unknown) => expectBilingual(error))
}

const metadata = { actor: { id: 'u1', role: 'opd' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' }
const cyclic = (() => { const o: Record<string, unknown> = {}; o.self = o; return o })()

// Values that break one rule each, mixed with fc.anything() so both the known
// traps and the unexpected reach every check.
const spoilt = fc.oneof(
  fc.constantFrom<unknown>(1n, Number.NaN, Infinity, () => 1, Symbol('s'), new Date(0), new Map(), '\ud800', '', 'a\nb', 'x'.repeat(201), undefined, null, [undefined], cyclic, { ['\udc00']: 1 }, -1, 1.5),
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }),
)
const maybeSpoilt = <T>(good: T) => fc.oneof({ arbitrary: fc.constant(good), weight: 3 }, { arbitrary: spoilt, weight: 1 })
const event = fc.record({
  id: fc.oneof(fc.constant(undefined), fc.constant('e-1'), spoilt),
  type: maybeSpoilt<unknown>('X'),
  schemaVersion: maybeSpoilt<unknown>(1),
  data: fc.oneof(maybeSpoilt<unknown>({}), fc.dictionary(fc.constantFrom('a', 'b', 'c'), spoilt, { maxKeys: 2 })),
  metadata: fc.oneof(maybeSpoilt<unknown>(metadata), fc.record({ ...Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, fc.constant(v)])), extra: spoilt })),
})
const events = fc.oneof({ arbitrary: fc.array(event, { minLength: 1, maxLength: 3 }), weight: 4 }, { arbitrary: spoilt, weight: 1 }, { arbitrary: fc.constant([]), weight: 1 })
const appendOptions = fc.oneof(
  fc.record({ expectedVersion: maybeSpoilt<unknown>('any'), idempotencyKey: fc.oneof(fc.constant(undefined), fc.constant('k-1'), spoilt) }),
  spoilt,
)

describe('InvalidStoreInput speaks Bahasa Indonesia and English', () => {
  it('for all bad appends, the Indonesian message carries an Indonesian reason', () => {
    fc.assert(fc.property(maybeSpoilt<unknown>('s-1'), events, appendOptions, (streamId, list, options) => {
      attempt(() => prepareAppend(streamId, list, options))
    }), { numRuns: 2000 })
    // Rare in random draws, so each is also tried once for sure.
    attempt(() => prepareAppend('s', Array.from({ length: 10_001 }, () => ({ type: 'X', schemaVersion: 1, data: {}, metadata })), { expectedVersion: 'any' }))
    const rare = [...[undefined, { f: () => 1 }, { s: Symbol('s') }, { n: 1n }, { t: '\ud800' }, [undefined]].map((data) => ({ data, metadata })), { data: {}, metadata: null }]
    for (const parts of rare) attempt(() => prepareAppend('s', [{ type: 'X', schemaVersion: 1, ...parts }], { expectedVersion: 'any' }))
  })

  it('for all bad read and tenant options, the same holds', () => {
    fc.assert(fc.property(spoilt, spoilt, spoilt, (options, tenant, readTenants) => {
      attempt(() => checkReadStreamOptions(options))
      attempt(() => checkReadAllOptions(options))
      attempt(() => checkReadStreamOptions({ fromVersion: tenant, toVersion: readTenants }))
      attempt(() => checkReadAllOptions({ fromPosition: tenant, batchSize: readTenants }))
      attempt(() => checkTenantScope({ tenant, readTenants }))
      attempt(() => checkTenantScope({ readTenants: [tenant] }))
    }), { numRuns: 500 })
  })

  it('for all bad arguments, the memory store refuses in both languages', async () => {
    await fc.assert(fc.asyncProperty(spoilt, spoilt, async (first, second) => {
      attempt(() => openMemoryStore(first as never))
      attempt(() => openMemoryStore({ database: first, maxEventBytes: second } as never))
      const store = openMemoryStore()
      await attemptAsync(() => store.verify(first as never))
      await attemptAsync(() => store.verify({ streamId: first } as never))
      await attemptAsync(async () => { for await (const _ of store.readStream(first as never, second as never)) break })
      const readModels = openMemoryReadModelStore()
      await attemptAsync(() => readModels.transaction('p', first as never))
      await attemptAsync(() => readModels.transaction('p', async (tx) => tx.put('c', 'd', first as never)))
      await attemptAsync(() => readModels.transaction('p', async (tx) => tx.setCheckpoint(second as never)))
    }), { numRuns: 300 })
    const readModels = openMemoryReadModelStore()
    let kept: ReadModelTransaction | undefined
    await readModels.transaction('p', async (tx) => { kept = tx })
    await attemptAsync(() => kept!.put('c', 'd', {}))
    await attemptAsync(() => readModels.transaction('p', async (tx) => tx.setCheckpoint(2n ** 64n)))
    const store = openMemoryStore()
    await store.append('s', [{ id: 'e-1', type: 'X', schemaVersion: 1, data: {}, metadata }], { expectedVersion: 'none' })
    await attemptAsync(() => store.append('t', [{ id: 'e-1', type: 'X', schemaVersion: 1, data: {}, metadata }], { expectedVersion: 'none' }))
  })

  // Guards the generators: a property that never reaches most checks proves
  // little. Relies on vitest running a file's tests in order, after the above.
  it('the tests above reached every kind of reason the core and the memory store give', () => {
    expect(reasonsSeen.size).toBeGreaterThanOrEqual(36)
  })
})
