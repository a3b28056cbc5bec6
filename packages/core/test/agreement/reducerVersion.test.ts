import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AGREEMENT_REDUCER_VERSION, agreementStateSchema, fold, parseAgreementEvent } from '../../src/agreement'
import { canonicalJson } from '../../src/idempotencyFingerprint'
import histories from './reducerPinHistories.json'

// Stored events as the library wrote them (three lifecycles with an
// extension, a termination and an amendment; one recorded before occurredOn
// existed), folded prefix by prefix. Snapshots saved under a reducer version
// are folds of exactly such histories, so whenever evolve folds any of them
// to another state, AGREEMENT_REDUCER_VERSION must be bumped, or snapshots
// taken before the change would be folded on as if nothing had changed.
// Canonical JSON, so reordering fields in evolve alone changes nothing here.
const PINNED = { reducerVersion: 1, folds: '6d8012a369eff7f95b8807b5c4fc9c960ee23ce9b1847de7dffea38ab9b8b291' }

function foldsDigest(): string {
  const hash = createHash('sha256')
  for (const history of histories) {
    const events = history.events.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data))
    for (let length = 1; length <= events.length; length += 1) hash.update(`${canonicalJson(fold(events.slice(0, length)))}\n`)
  }
  return hash.digest('hex')
}

describe('AGREEMENT_REDUCER_VERSION', () => {
  it('is bumped whenever evolve folds the pinned histories to other states (then update PINNED with the new version and digest)', () => {
    expect({ reducerVersion: AGREEMENT_REDUCER_VERSION, folds: foldsDigest() }).toEqual(PINNED)
  })

  it('every state the pinned histories fold to parses through agreementStateSchema unchanged, so snapshots of them are used', () => {
    for (const history of histories) {
      const events = history.events.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data))
      for (let length = 1; length <= events.length; length += 1) {
        const state = JSON.parse(JSON.stringify(fold(events.slice(0, length))))
        expect(agreementStateSchema.parse(state)).toStrictEqual(state)
      }
    }
  })

  it('agreementStateSchema refuses what fold never produces: a misspelt key, a missing term, a status outside the list', () => {
    const history = histories[0]
    if (history === undefined) throw new Error('no pinned history')
    const state = JSON.parse(JSON.stringify(fold(history.events.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data))))) as Record<string, unknown>
    expect(agreementStateSchema.safeParse({ ...state, statuss: 'signed' }).success).toBe(false)
    const { term: _term, ...withoutTerm } = state
    expect(agreementStateSchema.safeParse(withoutTerm).success).toBe(false)
    expect(agreementStateSchema.safeParse({ ...state, status: 'ditandatangani' }).success).toBe(false)
  })
})
