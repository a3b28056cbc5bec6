import { InvalidStoreInput, checkTenantScope } from '@kerjasama/core'
import type { TenantScope } from '@kerjasama/core'

/**
 * 'full' (default): every commit is synced to disk before append resolves, so
 * an acknowledged append survives power loss. 'normal': in WAL mode the WAL
 * is synced only at checkpoints, so a power cut or OS crash may lose the last
 * commits (never corrupts the file); an application crash loses nothing.
 */
export type Durability = 'full' | 'normal'

export type SqliteConnectionOptions = {
  /** Path of the database file, or ':memory:' for a private in-memory database. */
  file: string
  durability?: Durability
  /** How long a write waits for another process's write lock before STORE_UNAVAILABLE. Default 5000. */
  busyTimeoutMs?: number
}

export type SqliteStoreOptions = SqliteConnectionOptions &
  TenantScope & {
    /** Largest data + metadata JSON per event, in UTF-8 bytes (R9). Default DEFAULT_MAX_EVENT_BYTES from core. */
    maxEventBytes?: number
  }

export type ResolvedStoreOptions = {
  file: string
  durability: Durability
  busyTimeoutMs: number
  tenant: string
  readable: string[]
  maxEventBytes: number | undefined
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000

export function resolveStoreOptions(options: unknown): ResolvedStoreOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput('store options must be an object', { field: 'options' })
  const { file, durability, busyTimeoutMs, maxEventBytes } = options as Record<string, unknown>
  if (typeof file !== 'string' || file.length === 0) throw new InvalidStoreInput('file must be a non-empty path or ":memory:"', { field: 'file' })
  if (durability !== undefined && durability !== 'full' && durability !== 'normal') {
    throw new InvalidStoreInput('durability must be "full" or "normal"', { field: 'durability' })
  }
  if (busyTimeoutMs !== undefined && (!Number.isSafeInteger(busyTimeoutMs) || (busyTimeoutMs as number) < 0)) {
    throw new InvalidStoreInput('busyTimeoutMs must be a non-negative integer', { field: 'busyTimeoutMs' })
  }
  if (maxEventBytes !== undefined && (!Number.isSafeInteger(maxEventBytes) || (maxEventBytes as number) < 1)) {
    throw new InvalidStoreInput('maxEventBytes must be a positive integer', { field: 'maxEventBytes' })
  }
  const { tenant, readable } = checkTenantScope(options as TenantScope)
  return {
    file,
    durability: durability ?? 'full',
    busyTimeoutMs: (busyTimeoutMs as number | undefined) ?? DEFAULT_BUSY_TIMEOUT_MS,
    tenant,
    readable,
    maxEventBytes: maxEventBytes as number | undefined,
  }
}
