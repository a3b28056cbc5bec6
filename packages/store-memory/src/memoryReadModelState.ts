import type { MemoryReadModelSpace } from './memoryDatabase'

/** A lease as the memory store keeps it; the expiry is in the process clock's milliseconds. */
export type MemoryLease = { holder: string; expiresAt: number }

/** What a tenant's read models hold beside documents and checkpoints: declared indexes (R14) and leases (R16). */
export type MemoryReadModelState = {
  indexes: Map<string, readonly string[]>
  leases: Map<string, MemoryLease>
}

// Kept beside the space rather than in it, like projectionLock's queues, so
// the database's shape stays what the event side and its tests rely on.
const states = new WeakMap<MemoryReadModelSpace, MemoryReadModelState>()

export function readModelStateOf(space: MemoryReadModelSpace): MemoryReadModelState {
  let state = states.get(space)
  if (state === undefined) {
    state = { indexes: new Map(), leases: new Map() }
    states.set(space, state)
  }
  return state
}
