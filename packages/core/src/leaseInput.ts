import { InvalidStoreInput } from './errors'
import { assertIdentifier } from './storeInput'

/** A day: a lease is a heartbeat, renewed well within its time; longer would leave a dead holder's projection stalled for days. */
export const MAX_LEASE_TTL_MS = 24 * 60 * 60 * 1000

/** Checks lease arguments (R16) the same way on every adapter, before anything is written. */
export function checkLease(name: unknown, holder: unknown): { name: string; holder: string } {
  assertIdentifier('name', name)
  assertIdentifier('holder', holder)
  return { name, holder }
}

export function checkLeaseTtl(ttlMs: unknown): number {
  if (!Number.isSafeInteger(ttlMs) || (ttlMs as number) < 1 || (ttlMs as number) > MAX_LEASE_TTL_MS) {
    throw new InvalidStoreInput(
      { id: `ttlMs harus berupa bilangan bulat milidetik dari 1 sampai ${MAX_LEASE_TTL_MS}`, en: `ttlMs must be a whole number of milliseconds from 1 to ${MAX_LEASE_TTL_MS}` },
      { field: 'ttlMs' },
    )
  }
  return ttlMs as number
}
