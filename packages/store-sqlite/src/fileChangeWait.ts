import { watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'

/**
 * Sleeps until one file changes (is touched or removed) or a time has
 * passed, whichever comes first. A writer in line watches the ticket just
 * ahead of its own, so it wakes the moment that writer leaves instead of
 * polling the folder: polling every few milliseconds on every waiter would
 * cost a busy machine more CPU than the writes, and add the poll interval to
 * every hand-over of the lock. The watch on one path is kept across waits;
 * where the platform refuses a watch (no inotify left, an unsupported file
 * system), the wait shrinks to `fallbackMs`, which turns it back into polling.
 */
export type FileChangeWait = {
  /** Resolves when `path` changes or after `ms`; at once when `path` is already gone. */
  wait(path: string, ms: number): Promise<void>
  close(): void
}

export function fileChangeWait(fallbackMs: number): FileChangeWait {
  let watched: { path: string; watcher: FSWatcher } | undefined
  let wake: (() => void) | undefined
  let changed = false

  const unwatch = (): void => {
    watched?.watcher.close()
    watched = undefined
  }

  const startWatching = (path: string): 'watching' | 'gone' | 'unwatchable' => {
    if (watched?.path === path) return 'watching'
    unwatch()
    changed = false
    try {
      // Not persistent: the timer of the wait keeps the process alive, the watch must not.
      const watcher = watch(path, { persistent: false })
      watcher.on('change', () => {
        changed = true
        wake?.()
      })
      watcher.on('error', () => {
        unwatch()
        wake?.()
      })
      watched = { path, watcher }
      return 'watching'
    } catch (error) {
      return (error as { code?: unknown }).code === 'ENOENT' ? 'gone' : 'unwatchable'
    }
  }

  return {
    wait(path, ms) {
      const state = startWatching(path)
      if (state === 'gone') return Promise.resolve()
      // A change seen since the last wait (while the caller was busy) counts now.
      if (state === 'watching' && changed) {
        changed = false
        return Promise.resolve()
      }
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer)
          wake = undefined
          changed = false
          resolve()
        }
        const timer = setTimeout(done, state === 'watching' ? ms : Math.min(ms, fallbackMs))
        wake = done
      })
    },
    close() {
      wake?.()
      unwatch()
    },
  }
}
