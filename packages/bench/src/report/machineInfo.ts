/** The machine and versions a run measured on, as the report prints them. */
export type MachineInfo = {
  cpus: number
  cpuModel: string
  memoryGb: number
  os: string
  node: string
  /** 1, 5 and 15-minute load averages when the run began and ended: other work on the machine shows here. */
  loadBefore: number[]
  loadAfter: number[]
  /** The server's version and durability settings, or why there was none. */
  postgres: { server: string; settings: Record<string, string> } | { unavailable: string }
  /** Library versions with the SQLite each links, e.g. "better-sqlite3 12.11.1 (SQLite 3.50.4)". */
  drivers: string[]
  kerjasamaCommit: string
  /** Emmett's packages as installed in the bench's folders. */
  emmett: string[]
}
