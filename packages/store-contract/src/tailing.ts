/**
 * After every writer has finished, a reader may still need a few passes
 * before the last commits become visible (a PostgreSQL read barrier waits for
 * transactions of other tests on the same server). This bounds that wait so a
 * store that really lost an event fails the test instead of hanging it.
 */
export const MAX_IDLE_PASSES = 400

/** Lets writers run between reader passes; sleeps briefly once they are done so the bound above spans seconds, not microseconds. */
export function pause(writersStillRunning: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (writersStillRunning) setImmediate(resolve)
    else setTimeout(resolve, 10)
  })
}

/**
 * Writers call this between appends. An in-process store (memory, or SQLite's
 * synchronous driver) completes appends within microtasks, so without a
 * macrotask turn here every writer would finish before the reader's first
 * pause ends and the reader would never actually tail.
 */
export function letReaderRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
