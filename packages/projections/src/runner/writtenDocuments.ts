/** Bits of the filter: 1 MiB, whatever the build's size. */
const FILTER_BITS = 1 << 23
const HASHES = 6
/** Past this many documents the filter would answer "maybe" too often (1.8% at the limit) to be worth asking. */
const DOCUMENT_LIMIT = 1_000_000

/**
 * The documents a pass that started from nothing has committed so far. A
 * build at checkpoint 0 has no documents — every one is committed with a
 * checkpoint — so while the pass goes on, any document it has not written is
 * known to be absent and its read need not go to the store: a rebuild's
 * first read of each agreement was a round trip on PostgreSQL. A commit by
 * anyone else in between would have moved the checkpoint, and the next
 * commit of this pass is then refused (R15), so what was read from here is
 * never committed.
 *
 * The ledger is a Bloom filter, not a set of ids: a set of a rebuild's
 * 70,000 agreement ids was 5 MB of live heap, for which V8 reserved some
 * 20 MB more over a 1,000,000-event rebuild. A filter can only err towards
 * "maybe written", and then the read goes to the store, which answers
 * rightly; it never calls absent a document this pass wrote. Past
 * DOCUMENT_LIMIT documents it stops answering.
 */
export class WrittenDocuments {
  private readonly bits = new Uint32Array(FILTER_BITS / 32)
  private size = 0

  knowsAbsent(collection: string, id: string): boolean {
    if (this.size > DOCUMENT_LIMIT) return false
    const [first, step] = hashesOf(collection, id)
    for (let hash = 0; hash < HASHES; hash += 1) {
      const bit = (first + hash * step) % FILTER_BITS
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return true
    }
    return false
  }

  committed(written: ReadonlyArray<{ collection: string; id: string }>): void {
    if (this.size > DOCUMENT_LIMIT) return
    for (const { collection, id } of written) {
      // Counted once per write rather than per distinct document: the limit comes sooner, never later.
      this.size += 1
      const [first, step] = hashesOf(collection, id)
      for (let hash = 0; hash < HASHES; hash += 1) {
        const bit = (first + hash * step) % FILTER_BITS
        this.bits[bit >>> 5]! |= 1 << (bit & 31)
      }
    }
  }
}

/** Two 32-bit FNV-1a-style hashes of collection and id, a NUL between them so the two never run together, for double hashing. */
function hashesOf(collection: string, id: string): [number, number] {
  let first = 0x811c9dc5
  let second = 0x01000193 ^ 0x5bd1e995
  const mix = (code: number): void => {
    first = Math.imul(first ^ code, 0x01000193) >>> 0
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0
  }
  for (let index = 0; index < collection.length; index += 1) mix(collection.charCodeAt(index))
  mix(0)
  for (let index = 0; index < id.length; index += 1) mix(id.charCodeAt(index))
  // An odd step visits distinct bits for every hash.
  return [first, (second | 1) >>> 0]
}
