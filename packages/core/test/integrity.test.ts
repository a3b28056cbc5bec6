import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { eventHash, GENESIS_HASH, verifyChain, type HashableEvent } from '@kerjasama/core/adapter'

function chainOf(payloads: unknown[]): Array<HashableEvent & { hash: string }> {
  let previous = GENESIS_HASH
  return payloads.map((data, index) => {
    const event: HashableEvent = {
      id: `e${index}`,
      tenant: '33.05',
      streamId: 'agreement-1',
      version: index + 1,
      type: 'Noted',
      schemaVersion: 1,
      dataJson: JSON.stringify(data),
      metadataJson: '{"actor":{"id":"u","role":"opd"}}',
    }
    previous = eventHash(previous, event)
    return { ...event, hash: previous }
  })
}

describe('hash chain', () => {
  it('R11 an untouched chain verifies, for any payloads', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 20 }), (payloads) => {
      expect(verifyChain(chainOf(payloads))).toEqual([])
    }))
  })

  it('R11 changing any one event reports that stream and version', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 20 }), fc.nat(), (payloads, pick) => {
      const chain = chainOf(payloads)
      const target = pick % chain.length
      const row = chain[target]!
      chain[target] = { ...row, dataJson: JSON.stringify({ tampered: row.dataJson }) }
      const problems = verifyChain(chain)
      expect(problems[0]).toEqual({ tenant: '33.05', streamId: 'agreement-1', version: target + 1, problem: 'hash-mismatch' })
    }))
  })

  it('R11 a deleted event is reported as a gap', () => {
    const chain = chainOf([1, 2, 3])
    chain.splice(1, 1)
    expect(verifyChain(chain).map((p) => [p.version, p.problem])).toContainEqual([2, 'version-gap'])
  })

  it('is sensitive to the stream and tenant, so rows cannot be moved between streams', () => {
    const [row] = chainOf([{ a: 1 }])
    expect(eventHash(GENESIS_HASH, { ...row!, streamId: 'agreement-2' })).not.toBe(row!.hash)
    expect(eventHash(GENESIS_HASH, { ...row!, tenant: '33.06' })).not.toBe(row!.hash)
  })
})
