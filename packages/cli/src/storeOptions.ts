import type { LocalizedMessage } from '@kerjasama/core'
import type { OptionName } from './optionCatalogue'

export type StoreKind = 'memory' | 'sqlite' | 'postgres'
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres']

export const DEFAULT_DEMO_FILE = './kerjasama-demo.db'
export const DEFAULT_PG_SCHEMA = 'kerjasama_demo'

/** Which store a command works on, from --db, --postgres, --schema, --tenant or the older --store, --file. */
export type StoreSelection = {
  store: StoreKind
  /** SQLite file; the demo recreates it only if the demo owns it (see demoFile.ts), read commands only read it. */
  file: string
  /** PostgreSQL schema. */
  schema: string
  /** From --postgres; absent, the connection comes from DATABASE_URL or the PG* variables. Never printed: it may hold a password. */
  connectionString?: string
  /** Absent: the demo opens the default tenant, verify checks every tenant, the other commands read the default tenant. */
  tenant: string | undefined
}

/** The options that choose the store; every command takes them. */
export const STORE_OPTION_NAMES = ['db', 'postgres', 'schema', 'store', 'file', 'tenant'] as const satisfies readonly OptionName[]

/** Help for the options every store command shares; --tenant's meaning differs per command, so each command writes its own. */
export const STORE_OPTION_HELP: Record<'db' | 'postgres' | 'schema' | 'store' | 'file', LocalizedMessage> = {
  db: { id: `berkas SQLite (bawaan: ${DEFAULT_DEMO_FILE})`, en: `SQLite file (default: ${DEFAULT_DEMO_FILE})` },
  postgres: {
    id: 'URL sambungan PostgreSQL (postgres://…); tanpa opsi ini sambungan dari DATABASE_URL atau variabel PG* bila --store postgres',
    en: 'PostgreSQL connection URL (postgres://…); without it, --store postgres connects through DATABASE_URL or the PG* variables',
  },
  schema: {
    id: `skema PostgreSQL (bawaan: ${DEFAULT_PG_SCHEMA})`,
    en: `PostgreSQL schema (default: ${DEFAULT_PG_SCHEMA})`,
  },
  store: { id: 'bentuk lama: jenis penyimpanan (bawaan: sqlite)', en: 'older form: which store (default: sqlite)' },
  file: { id: 'bentuk lama dari --db: berkas SQLite', en: 'older form of --db: the SQLite file' },
}

/** --json and --lang, which every command takes. */
export const OUTPUT_OPTION_HELP: Record<'json' | 'lang', LocalizedMessage> = {
  json: { id: 'mencetak JSON yang dapat dibaca mesin (bigint sebagai string)', en: 'print machine-readable JSON (bigints as strings)' },
  lang: {
    id: 'bahasa keluaran untuk manusia: id (bawaan; judul juga dalam bahasa Inggris) atau en',
    en: 'language of human output: id (default; headings carry English too) or en',
  },
}

/** The option help of a command that works on the store of one tenant: the store options, its own, then --json and --lang. */
export function commandOptions(extra: Partial<Record<OptionName, LocalizedMessage>> = {}): Partial<Record<OptionName, LocalizedMessage>> {
  return {
    ...STORE_OPTION_HELP,
    tenant: { id: 'daerah penyimpanan (bawaan: default)', en: 'the tenant of the store (default: default)' },
    ...extra,
    ...OUTPUT_OPTION_HELP,
  }
}
