import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { DumboModule, EmmettPostgresModule, EmmettSqliteModule } from '../subjects/emmettApi'

/**
 * Emmett is compared as published, so it is installed from the registry, by
 * npm, into folders of the bench's own (git-ignored), never through the
 * workspace: a user's `pnpm install` compiles no node-sqlite3. Two folders,
 * because the two adapters cannot share one tree: emmett-sqlite 0.42.4 asks
 * for emmett 0.42.4 as its peer, which is not published, while
 * emmett-postgresql 0.42.0 asks for emmett 0.42.0. The PostgreSQL folder
 * installs with npm's ordinary peer resolution; the SQLite one needs
 * --legacy-peer-deps, with the packages its bundle imports named.
 */
export type PeerGroup = 'sqlite' | 'postgresql'

export type PeerSpec = { group: PeerGroup; packages: string[]; npmFlags: string[]; main: string }

export const PEER_SPECS: Record<PeerGroup, PeerSpec> = {
  sqlite: {
    group: 'sqlite',
    packages: ['@event-driven-io/emmett-sqlite@0.42.x', '@event-driven-io/emmett@0.42.x', 'sqlite3@^5.1.7', 'uuid@^10.0.0', 'async-retry@^1.3.3'],
    npmFlags: ['--legacy-peer-deps'],
    main: '@event-driven-io/emmett-sqlite',
  },
  postgresql: {
    group: 'postgresql',
    packages: ['@event-driven-io/emmett-postgresql@0.42.x', '@event-driven-io/emmett@0.42.x'],
    npmFlags: [],
    main: '@event-driven-io/emmett-postgresql',
  },
}

export const peerFolder = (peersRoot: string, group: PeerGroup): string => join(peersRoot, group)

/** The file whose presence says the folder's install finished; written last, so a killed install is retried. */
export const installedMarker = (folder: string): string => join(folder, 'installed.json')

export function isInstalled(folder: string): boolean {
  return existsSync(installedMarker(folder))
}

/** The version npm installed of `name` in the folder, or undefined. */
export function installedVersion(folder: string, name: string): string | undefined {
  const manifest = join(folder, 'node_modules', name, 'package.json')
  if (!existsSync(manifest)) return undefined
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
}

// Emmett's CommonJS entries, loaded from the folder's own node_modules (absolute, never through the workspace).
const requireIn = (folder: string) => createRequire(join(folder, 'package.json'))

export function loadEmmettSqlite(folder: string): EmmettSqliteModule {
  return requireIn(folder)('@event-driven-io/emmett-sqlite') as EmmettSqliteModule
}

export function loadEmmettPostgres(folder: string): { emmett: EmmettPostgresModule; dumbo: DumboModule } {
  const load = requireIn(folder)
  return { emmett: load('@event-driven-io/emmett-postgresql') as EmmettPostgresModule, dumbo: load('@event-driven-io/dumbo') as DumboModule }
}
