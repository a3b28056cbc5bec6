import { describe } from 'vitest'
import { resolveContractOptions } from './fixture'
import type { ContractOptions, StoreFixture } from './fixture'
import { eventStoreSuite } from './harness'
import { describeAtomicAppend } from './eventStore/atomicAppend'
import { describeBadInput } from './eventStore/badInput'
import { describeChangeSubscription } from './eventStore/changeSubscription'
import { describeExpectedVersion } from './eventStore/expectedVersion'
import { describeGlobalOrder } from './eventStore/globalOrder'
import { describeHashChain } from './eventStore/hashChain'
import { describeIdempotency } from './eventStore/idempotency'
import { describeLifecycle } from './eventStore/lifecycle'
import { describeReferenceModel } from './eventStore/referenceModel'
import { describeResume } from './eventStore/resume'
import { describeRoundTrip } from './eventStore/roundTrip'
import { describeStreamRanges } from './eventStore/streamRanges'
import { describeStreamVersions } from './eventStore/streamVersions'
import { describeTenancy } from './eventStore/tenancy'

/**
 * Declares the EventStore contract (docs/guarantees.md, R1–R7, R9–R13 and R17) as
 * vitest tests. Call it at the top level of a test file; every test opens a
 * fresh fixture from `makeFixture` and cleans it up afterwards.
 */
export function describeEventStoreContract(name: string, makeFixture: () => Promise<StoreFixture>, options?: ContractOptions): void {
  const suite = eventStoreSuite(makeFixture, resolveContractOptions(options))
  describe(`EventStore contract: ${name}`, () => {
    describeAtomicAppend(suite)
    describeExpectedVersion(suite)
    describeStreamVersions(suite)
    describeIdempotency(suite)
    describeReferenceModel(suite)
    describeGlobalOrder(suite)
    describeResume(suite)
    describeStreamRanges(suite)
    describeRoundTrip(suite)
    describeBadInput(suite)
    describeHashChain(suite)
    describeTenancy(suite)
    describeLifecycle(suite)
    describeChangeSubscription(suite)
  })
}
