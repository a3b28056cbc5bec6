/**
 * The sizes ("Speed, measured side by side"), and --quick at a tenth
 * of them. Workloads whose every append waits for the disk (each commit is
 * synced: 3–4 ms a commit on the development machine) also have a time
 * budget per process, after which they stop and report the rate over what
 * they did, with the count; --no-budget runs them to their full size.
 */
export type WorkloadSizes = {
  commandPath: { streams: number; appendsPerStream: number }
  batchAppend: { streams: number; eventsPerAppend: number }
  rehydrate: { streamLength: number; reads: number }
  catchUp: { events: number }
  memory: { events: number }
  domainPath: { agreements: number }
  concurrentWriters: { postgresWriters: number; sqliteProcesses: number; appendsPerWriter: number }
  /** readAll's page size, the same for every subject (Kerjasama's default). */
  readBatch: number
}

export const FULL_SIZES: WorkloadSizes = {
  commandPath: { streams: 2_000, appendsPerStream: 10 },
  batchAppend: { streams: 1_000, eventsPerAppend: 100 },
  rehydrate: { streamLength: 10_000, reads: 50 },
  catchUp: { events: 100_000 },
  memory: { events: 1_000_000 },
  domainPath: { agreements: 1_000 },
  concurrentWriters: { postgresWriters: 8, sqliteProcesses: 4, appendsPerWriter: 500 },
  readBatch: 500,
}

export function quickSizes(full: WorkloadSizes = FULL_SIZES): WorkloadSizes {
  const tenth = (n: number) => Math.max(1, Math.round(n / 10))
  return {
    commandPath: { streams: tenth(full.commandPath.streams), appendsPerStream: full.commandPath.appendsPerStream },
    batchAppend: { streams: tenth(full.batchAppend.streams), eventsPerAppend: full.batchAppend.eventsPerAppend },
    rehydrate: { streamLength: tenth(full.rehydrate.streamLength), reads: full.rehydrate.reads },
    catchUp: { events: tenth(full.catchUp.events) },
    memory: { events: tenth(full.memory.events) },
    domainPath: { agreements: tenth(full.domainPath.agreements) },
    concurrentWriters: { ...full.concurrentWriters, appendsPerWriter: tenth(full.concurrentWriters.appendsPerWriter) },
    readBatch: full.readBatch,
  }
}
