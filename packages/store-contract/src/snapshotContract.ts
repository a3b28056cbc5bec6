import { describe } from 'vitest'
import { resolveContractOptions } from './fixture'
import type { ContractOptions, SnapshotFixture } from './fixture'
import { snapshotSuite } from './harness'
import { describeSnapshots } from './snapshot/snapshots'

/** Declares the SnapshotStore contract (docs/guarantees.md, R13 and R18–R21) as vitest tests. */
export function describeSnapshotStoreContract(name: string, makeFixture: () => Promise<SnapshotFixture>, options?: ContractOptions): void {
  const suite = snapshotSuite(makeFixture, resolveContractOptions(options))
  describe(`SnapshotStore contract: ${name}`, () => {
    describeSnapshots(suite)
  })
}
