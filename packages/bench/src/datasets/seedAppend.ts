import type { BenchEvent } from '../subjects/benchSubject'

/** One append of a data set, as every subject receives it. */
export type SeedAppend = { streamId: string; events: BenchEvent[]; expectedVersion: number }
