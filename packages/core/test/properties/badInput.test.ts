import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { commandTypes as agreementCommandTypes } from '../../src/agreement'
import type { AgreementCommandInput } from '../../src/agreement'
import { KerjasamaError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import { sequentialIds, testActors, testClock } from '../../src/testing'
import { countingStore } from '../service/storeDoubles'

// Whatever a caller throws at execute, the answer is one of the library's
// coded errors and the store is untouched: an HTTP layer can map the code,
// and no half-valid command ever becomes part of the legal record. execute is
// typed, so garbage only reaches it past the type system (`untyped` below),
// which is exactly what its run-time check is for.
const untyped = (value: unknown): AgreementCommandInput => value as AgreementCommandInput

async function expectCodedRefusal(run: () => Promise<unknown>): Promise<KerjasamaError> {
  try {
    await run()
  } catch (error) {
    if (!(error instanceof KerjasamaError)) throw new Error(`not a KerjasamaError: ${String(error)}`)
    return error
  }
  throw new Error('execute accepted garbage')
}

function freshService() {
  const store = countingStore(openMemoryStore())
  const service = createAgreementService({ store, clock: testClock(), ids: sequentialIds('bad') })
  return { store, service }
}

const roles = fc.constantFrom(...Object.values(testActors))

describe('bad input at execute', () => {
  it('arbitrary JSON as a command yields only coded errors and appends nothing', async () => {
    const { store, service } = freshService()
    await fc.assert(
      fc.asyncProperty(fc.json().map((text) => JSON.parse(text) as unknown), roles, async (command, actor) => {
        const error = await expectCodedRefusal(() => service.execute(untyped(command), { actor }))
        expect(error.code).toMatch(/^[A-Z_]+$/)
        expect(store.appends).toBe(0)
      }),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('arbitrary values, including ones JSON cannot hold, as a command yield only coded errors', async () => {
    const { store, service } = freshService()
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), roles, async (command, actor) => {
        await expectCodedRefusal(() => service.execute(untyped(command), { actor }))
        expect(store.appends).toBe(0)
      }),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('commands of a known type with arbitrary fields yield only coded errors and append nothing', async () => {
    const { store, service } = freshService()
    const commandTypes = fc.constantFrom(...agreementCommandTypes)
    const fields = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
    await fc.assert(
      fc.asyncProperty(commandTypes, fields, fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }), roles, async (type, extra, agreementId, actor) => {
        const command = agreementId === undefined ? { ...extra, type } : { ...extra, type, agreementId }
        await expectCodedRefusal(() => service.execute(untyped(command), { actor }))
        expect(store.appends).toBe(0)
      }),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('arbitrary execute options yield a coded ValidationError before anything is decided', async () => {
    const { store, service } = freshService()
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (options) => {
        const error = await expectCodedRefusal(() => service.execute(untyped({ type: 'IdentifyCooperation' }), options as never))
        expect(error).toBeInstanceOf(KerjasamaError)
        expect(store.appends).toBe(0)
      }),
      { numRuns: 300 },
    )
  }, 60_000)
})
