export { describeEventStoreContract } from './eventStoreContract'
export { describeReadModelStoreContract } from './readModelContract'
export type { ContractOptions, EventStoreOpenOptions, ReadModelFixture, StoreFixture } from './fixture'
export { HOSTILE_STRINGS } from './eventStore/badInput'
