import type { LocalizedMessage } from '@kerjasama/core'

export type StoreKind = 'memory' | 'sqlite' | 'postgres'
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres']

export const DEFAULT_DEMO_FILE = './kerjasama-demo.db'
export const DEFAULT_PG_SCHEMA = 'kerjasama_demo'

/** Which store a command works on, from --store, --file, --schema and --tenant. */
export type StoreSelection = {
  store: StoreKind
  /** SQLite file; the demo recreates it only if the demo owns it (see demoFile.ts), verify only reads it. */
  file: string
  /** PostgreSQL schema. */
  schema: string
  /** Absent: the demo opens the default tenant, verify checks every tenant. */
  tenant: string | undefined
}

export type StoreOptionName = 'store' | 'file' | 'schema' | 'tenant'

/** Help for the options every store command shares; --tenant's meaning differs per command, so each command writes its own. */
export const STORE_OPTION_HELP: Record<Exclude<StoreOptionName, 'tenant'>, LocalizedMessage> = {
  store: { id: 'jenis penyimpanan (bawaan: sqlite)', en: 'which store (default: sqlite)' },
  file: { id: `berkas SQLite (bawaan: ${DEFAULT_DEMO_FILE})`, en: `SQLite file (default: ${DEFAULT_DEMO_FILE})` },
  schema: {
    id: `skema PostgreSQL (bawaan: ${DEFAULT_PG_SCHEMA}); sambungan dari DATABASE_URL atau variabel PG*`,
    en: `PostgreSQL schema (default: ${DEFAULT_PG_SCHEMA}); connection from DATABASE_URL or the PG* variables`,
  },
}
