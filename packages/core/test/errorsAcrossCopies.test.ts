import { describe, expect, it, vi } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { ConcurrencyError, KerjasamaError, StoreUnavailable, isKerjasamaError } from '../src/errors'
import { createAgreementService } from '../src/handler'
import type { EventStore } from '../src/store'
import { agreementLifecycle, sequentialIds, testActors, testClock } from '../src/testing'

type ErrorsModule = typeof import('../src/errors')

/**
 * A second, independent instance of errors.ts: what an app gets when npm
 * installs two copies of @kerjasama/core (an adapter pinned to another
 * version, a bundled copy). Its classes are distinct from ours.
 */
async function secondCopyOfErrors(): Promise<ErrorsModule> {
  vi.resetModules()
  return (await import('../src/errors')) as ErrorsModule
}

describe('errors thrown by another copy of @kerjasama/core', () => {
  it('are two copies indeed: instanceof cannot see across them', async () => {
    const other = await secondCopyOfErrors()
    expect(other.KerjasamaError).not.toBe(KerjasamaError)
    expect(new other.StoreClosed()).not.toBeInstanceOf(KerjasamaError)
  })

  it('isKerjasamaError recognises them, in both directions', async () => {
    const other = await secondCopyOfErrors()
    expect(isKerjasamaError(new other.InvalidStoreInput({ id: 'contoh', en: 'example' }))).toBe(true)
    expect(isKerjasamaError(new other.KerjasamaError('ADAPTER_OWN', { id: 'contoh', en: 'example' }))).toBe(true)
    expect(other.isKerjasamaError(new StoreUnavailable('append'))).toBe(true)
  })

  it('isKerjasamaError is not fooled by look-alikes without the brand', () => {
    const lookAlike = Object.assign(new Error('STORE_CLOSED: closed'), { code: 'STORE_CLOSED', localized: { id: 'tutup', en: 'closed' }, details: {} })
    for (const value of [lookAlike, { code: 'STORE_CLOSED' }, new TypeError('raw'), null, undefined, 'STORE_CLOSED', 42]) {
      expect(isKerjasamaError(value)).toBe(false)
    }
  })

  it('the brand stays out of what an app logs or serialises', () => {
    const error = new ConcurrencyError('agreement-a1', 1, 2)
    expect(Object.keys(error)).not.toContain('kerjasama.error')
    expect(Object.getOwnPropertySymbols(error)).toEqual([])
    expect(JSON.stringify({ ...error })).not.toMatch(/kerjasama\.error/)
  })

  it('the service retries a ConcurrencyError thrown by an adapter built on another copy', async () => {
    const other = await secondCopyOfErrors()
    const base = openMemoryStore()
    let conflicts = 1
    const store: EventStore = {
      tenant: base.tenant,
      append: async (streamId, events, options) => {
        if (conflicts > 0) {
          conflicts -= 1
          throw new other.ConcurrencyError(streamId, options.expectedVersion, 1)
        }
        return base.append(streamId, events, options)
      },
      readStream: (streamId, options) => base.readStream(streamId, options),
      readAll: (options) => base.readAll(options),
      verify: (options) => base.verify(options),
      close: () => base.close(),
    }
    const service = createAgreementService({ store, clock: testClock('2022-02-22T02:00:00.000Z'), ids: sequentialIds('copy') })
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'kebumen-gula', start: '2022-02-22T02:00:00.000Z' })
    const result = await service.execute(identify!.command, { actor: testActors.opd })
    expect(result.version).toBe(1)
    expect(conflicts).toBe(0)
  })
})
