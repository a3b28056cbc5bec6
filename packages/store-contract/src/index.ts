export { describeEventStoreContract } from './eventStoreContract'
export { describeReadModelStoreContract } from './readModelContract'
export { describeSnapshotStoreContract } from './snapshotContract'
export type { ContractOptions, EventStoreOpenOptions, ReadModelFixture, SnapshotFixture, StoreFixture } from './fixture'
// Building blocks for an adapter's own tests (kill -9, connection loss, multi-process).
export { HOSTILE_STRINGS } from './eventStore/badInput'
export { expectCoded, isCodedError } from './expectCoded'
export { collect, sampleEvent, sampleEvents, sampleMetadata } from './sampleEvents'
