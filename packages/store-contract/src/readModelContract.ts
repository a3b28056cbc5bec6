import { describe } from 'vitest'
import { resolveContractOptions } from './fixture'
import type { ContractOptions, ReadModelFixture } from './fixture'
import { readModelSuite } from './harness'
import { describeCheckpointCompareAndSet } from './readModel/checkpointCompareAndSet'
import { describeLeases } from './readModel/leases'
import { describeReadModelQuery } from './readModel/readModelQuery'
import { describeReadModelTenancy } from './readModel/readModelTenancy'
import { describeReadModelTransaction } from './readModel/readModelTransaction'

/** Declares the ReadModelStore contract (docs/guarantees.md, R8, R12–R16) as vitest tests. */
export function describeReadModelStoreContract(name: string, makeFixture: () => Promise<ReadModelFixture>, options?: ContractOptions): void {
  const suite = readModelSuite(makeFixture, resolveContractOptions(options))
  describe(`ReadModelStore contract: ${name}`, () => {
    describeReadModelTransaction(suite)
    describeReadModelTenancy(suite)
    describeReadModelQuery(suite)
    describeCheckpointCompareAndSet(suite)
    describeLeases(suite)
  })
}
