import type { MemoryDatabase } from './memoryDatabase'

const queues = new WeakMap<MemoryDatabase, Map<string, Promise<unknown>>>()

/** Runs `work` after every earlier holder of `key` on this database has finished, whether it succeeded or failed. */
export async function projectionLock<T>(database: MemoryDatabase, key: string, work: () => Promise<T>): Promise<T> {
  let byKey = queues.get(database)
  if (byKey === undefined) {
    byKey = new Map()
    queues.set(database, byKey)
  }
  const previous = byKey.get(key) ?? Promise.resolve()
  const run = previous.then(work, work)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  byKey.set(key, settled)
  try {
    return await run
  } finally {
    if (byKey.get(key) === settled) byKey.delete(key)
  }
}
