import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WrittenDocuments } from '../../src/runner/writtenDocuments'

const documentKey = fc.record({ collection: fc.constantFrom('register@1.0/register', 'matrix@1.0/matrix', 'a', 'a\u0000b'), id: fc.string({ maxLength: 12 }) })

describe("a pass's ledger of the documents it wrote", () => {
  it('P1 a pass from checkpoint 0 never takes a document it wrote for absent, for any writes in any batches', () => {
    fc.assert(
      fc.property(fc.array(fc.array(documentKey, { maxLength: 20 }), { maxLength: 10 }), (batches) => {
        const ledger = new WrittenDocuments()
        for (const batch of batches) ledger.committed(batch)
        for (const { collection, id } of batches.flat()) expect(ledger.knowsAbsent(collection, id)).toBe(false)
      }),
    )
  })

  it('P2 a pass from checkpoint 0 keeps its ledger of written documents in fixed memory, and after 70,000 agreements still knows almost every unwritten one absent', () => {
    const ledger = new WrittenDocuments()
    const written = Array.from({ length: 70_000 }, (_, n) => ({ collection: 'register@1.0/register', id: `33.05/agreement-${n}` }))
    for (let from = 0; from < written.length; from += 35) ledger.committed(written.slice(from, from + 35))
    let maybe = 0
    for (let n = 0; n < 10_000; n += 1) if (!ledger.knowsAbsent('register@1.0/register', `33.05/agreement-${70_000 + n}`)) maybe += 1
    // Six hashes over 2^23 bits: about 0.002% expected here; one read in a thousand sent to the store would still be fine.
    expect(maybe).toBeLessThan(10)
    expect(ledger.knowsAbsent('matrix@1.0/matrix', '33.05/agreement-1')).toBe(true)
  })

  it('P2 past a million documents the ledger stops answering, so what it says never grows less true', () => {
    const ledger = new WrittenDocuments()
    ledger.committed(Array.from({ length: 1_000_001 }, (_, n) => ({ collection: 'c', id: String(n) })))
    expect(ledger.knowsAbsent('c', 'never-written')).toBe(false)
  })
})
