import { ConcurrencyError } from '../../src/errors'
import type { AppendOptions, AppendResult, EventStore, NewEvent } from '../../src/store'

/** Wraps a store and counts what reached it, to prove a refused command appended nothing. */
export function countingStore(base: EventStore): EventStore & { appends: number; appendedEvents: number } {
  const counting = {
    appends: 0,
    appendedEvents: 0,
    async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
      const result = await base.append(streamId, events, options)
      if (!result.duplicate) {
        counting.appends += 1
        counting.appendedEvents += events.length
      }
      return result
    },
    tenant: base.tenant,
    readStream: base.readStream.bind(base),
    readAll: base.readAll.bind(base),
    verify: base.verify.bind(base),
    close: base.close.bind(base),
  }
  return counting
}

/**
 * Before each of the first `races` appends, lets `rival` write to the store:
 * the service's expected version is then stale, exactly as when two officers
 * act on the same agreement at once.
 */
export function racingStore(base: EventStore, races: number, rival: () => Promise<void>): EventStore & { attempts: number } {
  let remaining = races
  const racing = {
    attempts: 0,
    async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
      racing.attempts += 1
      if (remaining > 0) {
        remaining -= 1
        await rival()
      }
      return base.append(streamId, events, options)
    },
    tenant: base.tenant,
    readStream: base.readStream.bind(base),
    readAll: base.readAll.bind(base),
    verify: base.verify.bind(base),
    close: base.close.bind(base),
  }
  return racing
}

/** A store whose every append loses the race, to prove the retry loop is bounded. */
export function alwaysConflictingStore(base: EventStore): EventStore & { attempts: number } {
  const conflicting = {
    attempts: 0,
    async append(streamId: string, _events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
      conflicting.attempts += 1
      throw new ConcurrencyError(streamId, options.expectedVersion, 99)
    },
    tenant: base.tenant,
    readStream: base.readStream.bind(base),
    readAll: base.readAll.bind(base),
    verify: base.verify.bind(base),
    close: base.close.bind(base),
  }
  return conflicting
}
