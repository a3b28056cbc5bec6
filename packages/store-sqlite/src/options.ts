import { InvalidStoreInput } from '@kerjasama/core'
import { checkTenantScope, optionalIntegerOption, storeInputReasons } from '@kerjasama/core/adapter'
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
  /**
   * Open an existing file without changing it: no file is created, nothing is
   * migrated, every write is refused with STORE_READ_ONLY. A missing file is
   * STORE_NOT_FOUND, a schema older than this library STORE_SCHEMA_TOO_OLD.
   */
  readOnly?: boolean
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
  readOnly: boolean
  tenant: string
  readable: string[]
  maxEventBytes: number | undefined
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000

export function resolveStoreOptions(options: unknown): ResolvedStoreOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidStoreInput(storeInputReasons.storeOptionsMustBeObject, { field: 'options' })
  const { file, durability, busyTimeoutMs, maxEventBytes, readOnly } = options as Record<string, unknown>
  if (typeof file !== 'string' || file.length === 0) throw new InvalidStoreInput({ id: 'file harus berupa jalur berkas yang tidak kosong atau ":memory:"', en: 'file must be a non-empty path or ":memory:"' }, { field: 'file' })
  if (durability !== undefined && durability !== 'full' && durability !== 'normal') {
    throw new InvalidStoreInput({ id: 'durability harus "full" atau "normal"', en: 'durability must be "full" or "normal"' }, { field: 'durability' })
  }
  if (readOnly !== undefined && typeof readOnly !== 'boolean') throw new InvalidStoreInput({ id: 'readOnly harus true atau false', en: 'readOnly must be true or false' }, { field: 'readOnly' })
  if (readOnly === true && !isFilePath(file)) {
    throw new InvalidStoreInput({ id: 'readOnly memerlukan berkas; basis data di memori selalu baru dan kosong', en: 'readOnly needs a file; an in-memory database is always new and empty' }, { field: 'readOnly' })
  }
  const checkedBusyTimeoutMs = optionalIntegerOption('busyTimeoutMs', busyTimeoutMs, 0)
  const checkedMaxEventBytes = optionalIntegerOption('maxEventBytes', maxEventBytes, 1)
  const { tenant, readable } = checkTenantScope(options as TenantScope)
  return {
    file,
    durability: durability ?? 'full',
    busyTimeoutMs: checkedBusyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    readOnly: readOnly ?? false,
    tenant,
    readable,
    maxEventBytes: checkedMaxEventBytes,
  }
}

/** A file path rather than an in-memory database name. */
export function isFilePath(file: string): boolean {
  return file !== ':memory:' && !file.startsWith('file::memory:') && file !== ''
}
