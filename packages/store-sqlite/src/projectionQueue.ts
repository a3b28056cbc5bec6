const queues = new Map<string, Promise<void>>()

/**
 * Runs `work` after every earlier holder of `key` in this process has
 * finished, whether it succeeded or failed. Keys name the database file, so
 * two store objects on one file share the queue, like a row lock on the
 * projection's checkpoint would.
 */
export async function inProjectionQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(work, work)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  try {
    return await run
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}
